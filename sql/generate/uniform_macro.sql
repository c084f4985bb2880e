-- one macro: a uniform draw in [0, 1) for (row id, seed, purpose); independent across purposes and seeds
create or replace macro uniform(id, seed, purpose) as
    hash(xor(hash(id::bigint), hash(seed::bigint * 64 + purpose))) / 18446744073709551616.0
