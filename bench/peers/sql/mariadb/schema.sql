-- The exports as a team would load them into MariaDB (InnoDB): one table each, the reference tables beside them.
create table users (
    user_id bigint primary key,
    birth_date date,
    country varchar(16),
    consent boolean
);

create table streams (
    stream_id bigint auto_increment primary key,
    user_id bigint not null,
    artist_id bigint not null,
    streamed_at datetime not null,
    ms_played integer
);

create table follows (
    follow_id bigint auto_increment primary key,
    user_id bigint not null,
    artist_id bigint not null,
    followed_at datetime
);

-- ISO 3166-1 alpha-2 codes: a country outside them is unknown, as in fanbase
create table countries (country varchar(16) primary key);

-- ages of majority that differ from 18 (src/domain/majority.ts)
create table majority (country varchar(16) primary key, age integer not null);
