-- one row: what a prepared snapshot was made from and for (format, settings, data report)
-- reads: nothing
select
    $format_version::integer as format_version,
    $fanbase_version::varchar as fanbase_version,
    $settings::varchar as settings,
    $report::varchar as report,
    current_timestamp as prepared_at
