-- The exports as a team would load them into PostgreSQL: one table each, the reference tables beside them.
create table users (
    user_id bigint primary key,
    birth_date date,
    country text,
    consent boolean
);

create table streams (
    user_id bigint not null,
    artist_id bigint not null,
    streamed_at timestamp not null,
    ms_played integer
);

create table follows (
    user_id bigint not null,
    artist_id bigint not null,
    followed_at timestamp
);

-- ISO 3166-1 alpha-2 codes: a country outside them is unknown, as in fanbase
create table countries (country text primary key);

-- ages of majority that differ from 18 (src/domain/majority.ts)
create table majority (country text primary key, age integer not null);
