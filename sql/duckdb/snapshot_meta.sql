-- one row: what a prepared snapshot was made from and for (format, settings, mapping, data report, streams' last day)
-- reads: nothing
select
    $format_version::integer as format_version,
    $fanbase_version::varchar as fanbase_version,
    $settings::varchar as settings,
    $mapping::varchar as mapping,
    $report::varchar as report,
    $streams_through::date as streams_through,
    current_timestamp as prepared_at
