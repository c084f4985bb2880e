-- one row per file of the streams export the snapshot holds, as it was when read: an incremental prepare reads only others
-- reads: nothing
select
    unnest($files::varchar[]) as file,
    unnest($bytes::bigint[]) as bytes,
    unnest($modified_ms::double[]) as modified_ms
