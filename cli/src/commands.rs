//! The subcommands: each reads its input through [`crate::input`], calls the library, and writes
//! through [`crate::output`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use rayon::prelude::*;

use tongji::audit::{AuditReport, Verdict};
use tongji::text::{self, FigureValue, Template};
use tongji::{NaiveDate, Period, Precision, RollUp, Table, WriteOptions};

use crate::input::{
    Progress, Source, TableArgs, period_arg, read_ledger, read_table, read_table_at,
};
use crate::output::{Column, Format, Out, Rows};
use crate::{AuditInput, FailOn, Failure};

/// The columns of `compute`: the report table with the region and period of each line.
pub(crate) const COMPUTE_COLUMNS: [Column; 10] = [
    ("地区", "region"),
    ("时期", "period"),
    ("指标", "indicator"),
    ("本期", "current"),
    ("上年同期", "previous"),
    ("同比增长", "yoy"),
    ("目标", "target"),
    ("完成率", "completion"),
    ("序时进度差", "schedule_gap"),
    ("代码", "code"),
];

/// Observations computed together, on all cores, in chunks of [`CHUNK`].
const BLOCK: usize = 1 << 15;
const CHUNK: usize = 1 << 10;

/// What one line is made in, reused line after line: the cells and the period's text.
struct Line {
    cells: tongji::ReportCells,
    text: String,
}

impl Line {
    /// A line of `columns` (of [`COMPUTE_COLUMNS`]): only their report cells are made.
    fn of(columns: &[usize]) -> Line {
        // The report line's cells are compute's columns 2 to 8.
        let cells: Vec<usize> = columns
            .iter()
            .filter_map(|&c| c.checked_sub(2).filter(|&c| c < 7))
            .collect();
        Line {
            cells: tongji::ReportCells::only(&cells),
            text: String::new(),
        }
    }
}

/// Writes one `compute` row — region, period, the report line's cells, the indicator's code —
/// with `write`.
fn compute_row<T>(
    table: &Table,
    o: &tongji::ObservationRef<'_>,
    line: &mut Line,
    args: &ComputeArgs<'_>,
    columns: &[usize],
    write: impl FnOnce(&[&str]) -> T,
) -> T {
    let options = &args.options;
    // Written every line: periods that are equal may be written differently (前三季度, 1—9月).
    line.text.clear();
    let _ = write!(line.text, "{}", o.period());
    table.report_cells(o, options, &mut line.cells);
    let [name, current, previous, yoy, target, completion, gap] = line.cells.cells();
    let all = [
        o.region(),
        &line.text,
        name,
        current,
        previous,
        yoy,
        target,
        completion,
        gap,
        o.indicator().code(),
    ];
    let mut picked = [""; COMPUTE_COLUMNS.len()];
    for (to, &from) in picked.iter_mut().zip(columns) {
        *to = all.get(from).copied().unwrap_or("");
    }
    write(&picked[..columns.len()])
}

/// The columns `--columns` names (by header or key), in its order; all of them when none.
fn compute_columns(names: &[String]) -> Result<Vec<usize>, Failure> {
    if names.is_empty() {
        return Ok((0..COMPUTE_COLUMNS.len()).collect());
    }
    names
        .iter()
        .map(|name| {
            let name = name.trim();
            COMPUTE_COLUMNS
                .iter()
                .position(|(zh, en)| *zh == name || *en == name)
                .ok_or_else(|| {
                    let known: Vec<String> = COMPUTE_COLUMNS
                        .iter()
                        .map(|(zh, en)| format!("{zh}/{en}"))
                        .collect();
                    Failure::Usage(format!(
                        "--columns {name:?}: not a column of compute (it has {})",
                        known.join(", ")
                    ))
                })
        })
        .collect()
}

/// What `compute` was asked.
pub(crate) struct ComputeArgs<'a> {
    pub(crate) file: &'a Path,
    pub(crate) table: &'a TableArgs,
    pub(crate) region: Option<&'a str>,
    pub(crate) indicator: Option<&'a str>,
    pub(crate) period: Option<&'a str>,
    pub(crate) format: Option<Format>,
    pub(crate) output: Option<&'a Path>,
    pub(crate) options: WriteOptions,
    pub(crate) bom: bool,
    /// `--columns`: empty for all.
    pub(crate) columns: &'a [String],
}

/// The code of the indicator `name` names in `table`, or a usage error.
fn indicator_code(table: &Table, name: &str) -> Result<String, Failure> {
    if let Some(i) = table.catalog().get(name) {
        return Ok(i.code().to_string());
    }
    // An ad-hoc indicator (目录外) is known by its name as written.
    table
        .iter()
        .find(|o| o.indicator().name() == name.trim())
        .map(|o| o.indicator().code().to_string())
        .ok_or_else(|| {
            Failure::Usage(format!(
                "--indicator {name:?}: not an indicator of the table"
            ))
        })
}

fn known_region<'t>(table: &'t Table, region: &str) -> Result<&'t str, Failure> {
    table
        .regions()
        .find(|r| *r == region.trim())
        .ok_or_else(|| {
            let known: Vec<&str> = table.regions().take(8).collect();
            Failure::Usage(format!(
                "--region {region:?}: not a region of the table (it has {})",
                known.join("、")
            ))
        })
}

/// `tongji compute`.
pub(crate) fn compute(args: &ComputeArgs<'_>) -> Result<(), Failure> {
    let (name, table) = read_table_at(args.file, args.table)?;
    let region = args.region.map(|r| known_region(&table, r)).transpose()?;
    let code = args
        .indicator
        .map(|i| indicator_code(&table, i))
        .transpose()?;
    let period = args.period.map(|p| period_arg("--period", p)).transpose()?;
    let mut out = Out::open(args.output)?;
    let format = out.format(args.format);
    let columns = compute_columns(args.columns)?;
    let headers: Vec<Column> = columns.iter().map(|&c| COMPUTE_COLUMNS[c]).collect();
    let mut rows = Rows::new(&mut out, format, &headers, args.bom)?;
    let selected = table.iter().filter(|o| {
        region.is_none_or(|r| r == o.region())
            && code.as_deref().is_none_or(|c| c == o.indicator().code())
            && period.is_none_or(|p| p == o.period())
    });
    let mut selected = selected.peekable();
    // A filtered table is small: a bar only for the whole one.
    let filtered = region.is_some() || code.is_some() || period.is_some();
    let progress = Progress::rows("计算", if filtered { 0 } else { table.len() });
    if rows.lines().are_independent() {
        // Lines made on all cores a block at a time, and put out in the table's order by this
        // thread while the next block is made.
        let lines = rows.lines().clone();
        let (table, progress) = (&table, &progress);
        std::thread::scope(|scope| -> Result<(), Failure> {
            let (made, to_write) = std::sync::mpsc::sync_channel::<Vec<(String, usize)>>(1);
            scope.spawn(move || {
                let mut block = Vec::with_capacity(BLOCK);
                while selected.peek().is_some() {
                    block.clear();
                    block.extend(selected.by_ref().take(BLOCK));
                    progress.advance(block.len());
                    let texts: Vec<(String, usize)> = block
                        .par_chunks(CHUNK)
                        .map(|chunk| {
                            let mut text = String::with_capacity(chunk.len() * 128);
                            let mut line = Line::of(&columns);
                            for o in chunk {
                                compute_row(table, o, &mut line, args, &columns, |cells| {
                                    lines.render(cells, &mut text);
                                });
                            }
                            (text, chunk.len())
                        })
                        .collect();
                    // The writer stopped (an error it returns): nothing more to make.
                    if made.send(texts).is_err() {
                        break;
                    }
                }
            });
            for texts in to_write {
                for (text, n) in texts {
                    rows.rendered(&text, n)?;
                }
            }
            Ok(())
        })?;
    } else {
        let mut line = Line::of(&columns);
        for o in selected {
            compute_row(&table, &o, &mut line, args, &columns, |cells| {
                rows.row(cells)
            })?;
        }
    }
    progress.finish();
    let n = rows.finish()?;
    if n == 0 {
        eprintln!("tongji: {name}: no figures match the filters");
    }
    out.finish()
}

/// Whether `path` names report text rather than a table, by its extension.
fn is_text_path(path: &Path) -> bool {
    if path.as_os_str() == "-" {
        return true;
    }
    path.extension().is_some_and(|e| {
        matches!(
            e.to_string_lossy().to_ascii_lowercase().as_str(),
            "txt" | "md" | "markdown" | "text"
        )
    })
}

/// `tongji audit`.
pub(crate) fn audit(
    file: &Path,
    kind: Option<AuditInput>,
    table_args: &TableArgs,
    fail_on: FailOn,
    format: Option<Format>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let source = Source::read(file)?;
    let as_text = match kind {
        Some(k) => k == AuditInput::Text,
        None => is_text_path(file),
    };
    let report: AuditReport = if as_text {
        let text = source.text()?;
        tongji::audit::text(&text).map_err(|e| Failure::Input(format!("{}: {e}", source.name)))?
    } else {
        read_table(&source, table_args)?.audit()
    };
    let mut out = Out::open(output)?;
    match format.unwrap_or(Format::Table) {
        Format::Table => out.text(&report.to_string())?,
        Format::Json => {
            let json = serde_json::to_string_pretty(&report)
                .map_err(|e| Failure::Input(format!("writing JSON: {e}")))?;
            out.text(&json)?;
            out.text("\n")?;
        }
        Format::Jsonl => {
            for f in report.findings() {
                let json = serde_json::to_string(f)
                    .map_err(|e| Failure::Input(format!("writing JSON: {e}")))?;
                out.text(&json)?;
                out.text("\n")?;
            }
        }
        Format::Csv => {
            return Err(Failure::Usage(
                "audit writes --format table (the 审核报告), json or jsonl".into(),
            ));
        }
    }
    out.finish()?;
    let failing = match fail_on {
        FailOn::Inconsistent => report.count(Verdict::Inconsistent) > 0,
        FailOn::Warning => report.issues().next().is_some(),
        FailOn::Never => false,
    };
    if failing {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

/// The columns of `extract`.
pub(crate) const EXTRACT_COLUMNS: [Column; 12] = [
    ("行", "line"),
    ("起", "start"),
    ("止", "end"),
    ("原文", "text"),
    ("类型", "kind"),
    ("数值", "value"),
    ("单位", "unit"),
    ("位数", "places"),
    ("精度", "precision"),
    ("指标", "indicator"),
    ("时期", "period"),
    ("关系", "relation"),
];

/// A figure's kind, value as written (without its unit), unit and written decimal places.
fn figure_cells(value: &FigureValue) -> [String; 4] {
    let places = |d: tongji::Decimal| d.scale().to_string();
    match value {
        FigureValue::Quantity(q) => {
            let unit = format!("{}{}", q.magnitude(), q.unit());
            [
                "quantity".into(),
                q.value().to_string(),
                unit,
                places(q.value()),
            ]
        }
        FigureValue::Rate(r) => {
            // The rate as it prints (8.1%, 3.5‰), without its sign of percent or per mille.
            let shown = r.to_string();
            let unit = if r.is_per_mille() { "‰" } else { "%" };
            let value = shown.trim_end_matches(unit).to_string();
            let written = value.split_once('.').map_or(0, |(_, f)| f.len());
            ["rate".into(), value, unit.into(), written.to_string()]
        }
        FigureValue::Points(p) => [
            "points".into(),
            p.value().to_string(),
            "个百分点".into(),
            places(p.value()),
        ],
        FigureValue::Multiple(m) => [
            "multiple".into(),
            m.value().to_string(),
            "倍".into(),
            places(m.value()),
        ],
        FigureValue::Bare { value, magnitude } => [
            "bare".into(),
            value.to_string(),
            magnitude.to_string(),
            places(*value),
        ],
        FigureValue::Ratio(parts) => {
            let text: Vec<String> = parts.iter().map(ToString::to_string).collect();
            let most = parts.iter().map(|d| d.scale()).max().unwrap_or(0);
            [
                "ratio".into(),
                text.join(":"),
                String::new(),
                most.to_string(),
            ]
        }
        FigureValue::Placeholder(_) => [
            "placeholder".into(),
            String::new(),
            String::new(),
            String::new(),
        ],
        _ => ["other".into(), String::new(), String::new(), String::new()],
    }
}

/// How precisely a figure is known, in words: exact, ± half its last written digit, or
/// approximate (余, 约, 左右).
fn precision_text(value: &FigureValue, places: &str, unit: &str) -> String {
    let precision = match value {
        FigureValue::Quantity(q) => q.precision(),
        FigureValue::Rate(r) => r.precision(),
        FigureValue::Points(p) => p.precision(),
        FigureValue::Multiple(m) => m.precision(),
        FigureValue::Bare { .. } | FigureValue::Ratio(_) => {
            return format!("written to {places} places");
        }
        _ => return String::new(),
    };
    match precision {
        Precision::Exact => "exact".into(),
        Precision::Rounded { .. } => {
            let p: u32 = places.parse().unwrap_or(0);
            let half = tongji::Decimal::new(5, p + 1);
            format!("±{half}{unit}")
        }
        Precision::Approximate => "approximate".into(),
        _ => "within".into(),
    }
}

/// `tongji extract`.
pub(crate) fn extract(
    file: &Path,
    format: Option<Format>,
    output: Option<&Path>,
    bom: bool,
) -> Result<(), Failure> {
    let source = Source::read(file)?;
    let text = source.text()?;
    let mut out = Out::open(output)?;
    let format = out.format(format);
    let mut rows = Rows::new(&mut out, format, &EXTRACT_COLUMNS, bom)?;
    for st in text::statements(&text) {
        let f = st.figure();
        let span = f.span();
        let [kind, value, unit, places] = figure_cells(f.value());
        let precision = precision_text(f.value(), &places, &unit);
        rows.row(&[
            st.line().to_string(),
            span.start.to_string(),
            span.end.to_string(),
            f.text().to_string(),
            kind,
            value,
            unit,
            places,
            precision,
            st.indicator().unwrap_or_default().to_string(),
            st.period().map(|p| p.to_string()).unwrap_or_default(),
            st.relation()
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
        ])?;
    }
    rows.finish()?;
    out.finish()
}

/// What `fill` was asked.
pub(crate) struct FillArgs<'a> {
    pub(crate) template: &'a Path,
    pub(crate) data: Option<&'a Path>,
    pub(crate) ledger: Option<&'a Path>,
    pub(crate) region: Option<&'a str>,
    pub(crate) table: &'a TableArgs,
    pub(crate) allow_unfilled: bool,
    pub(crate) output: Option<&'a Path>,
}

/// `tongji fill`.
pub(crate) fn fill(args: &FillArgs<'_>) -> Result<(), Failure> {
    let source = Source::read(args.template)?;
    let text = source.text()?;
    let template =
        Template::parse(&text).map_err(|e| Failure::Input(format!("{}: {e}", source.name)))?;
    let filled = match (args.data, args.ledger) {
        (_, Some(ledger)) => {
            let ledger_source = Source::read(ledger)?;
            template.fill_ledger(&read_ledger(&ledger_source, args.table.strict)?)
        }
        (Some(data), None) => {
            let data_source = Source::read(data)?;
            let table = read_table(&data_source, args.table)?;
            let region = match args.region {
                Some(r) => known_region(&table, r)?.to_string(),
                None => first_region(&table)?,
            };
            template.fill(&table, &region)
        }
        (None, None) => {
            return Err(Failure::Usage(
                "fill needs --data FILE or --ledger FILE".into(),
            ));
        }
    };
    let mut out = Out::open(args.output)?;
    out.text(filled.text())?;
    out.finish()?;
    for (p, reason) in filled.unfilled() {
        eprintln!(
            "tongji: {}: line {}: {:?} not filled: {reason}",
            source.name,
            p.line(),
            p.text()
        );
    }
    if !filled.unfilled().is_empty() {
        eprintln!(
            "tongji: {} of {} placeholders not filled",
            filled.unfilled().len(),
            template.placeholders().len()
        );
        if !args.allow_unfilled {
            return Err(Failure::Findings);
        }
    }
    Ok(())
}

fn first_region(table: &Table) -> Result<String, Failure> {
    table
        .regions()
        .next()
        .map(str::to_string)
        .ok_or_else(|| Failure::Input("the table has no regions".into()))
}

/// The latest year-to-date (or whole-year) period `region` has figures for: the one a report
/// speaks of.
pub(crate) fn latest_period(table: &Table, region: &str) -> Option<Period> {
    table
        .iter()
        .filter(|o| o.region() == region)
        .map(|o| o.period())
        .filter(|p| p.is_cumulative() || p.months() == (1, 12) || p.months().0 == p.months().1)
        .max_by_key(|p| {
            (
                p.calendar_year(),
                p.months().1,
                p.is_cumulative() || p.months() == (1, 12),
            )
        })
}

/// The region and period a command speaks of: as asked, or the first region and its latest
/// period.
pub(crate) fn region_and_period(
    table: &Table,
    region: Option<&str>,
    period: Option<&str>,
) -> Result<(String, Period), Failure> {
    let region = match region {
        Some(r) => known_region(table, r)?.to_string(),
        None => first_region(table)?,
    };
    let period = match period {
        Some(p) => period_arg("--period", p)?,
        None => latest_period(table, &region)
            .ok_or_else(|| Failure::Input(format!("{region} has no period to report")))?,
    };
    Ok((region, period))
}

/// `tongji render`.
pub(crate) fn render(
    file: &Path,
    table_args: &TableArgs,
    region: Option<&str>,
    period: Option<&str>,
    indicator: Option<&str>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let source = Source::read(file)?;
    let table = read_table(&source, table_args)?;
    let (region, period) = region_and_period(&table, region, period)?;
    let text = match indicator {
        Some(i) => {
            let code = indicator_code(&table, i)?;
            table.sentence(&region, &code, &period)
        }
        None => table.section(&region, &period),
    }
    .map_err(|e| Failure::Input(format!("{}: {e}", source.name)))?;
    let mut out = Out::open(output)?;
    out.text(&text)?;
    out.text("\n")?;
    out.finish()
}

/// The columns of a long table as the library writes it, for the table and JSON formats of
/// `rollup`.
const LONG_KEYS: [(&str, &str); 7] = [
    ("地区", "region"),
    ("指标", "indicator"),
    ("时期", "period"),
    ("数值", "value"),
    ("状态", "status"),
    ("同比增长", "yoy"),
    ("目标", "target"),
];

/// `tongji rollup`.
pub(crate) fn rollup(
    file: &Path,
    table_args: &TableArgs,
    into: &str,
    parts: &[String],
    partial: bool,
    exact: bool,
    output: &crate::OutputArgs,
) -> Result<(), Failure> {
    let source = Source::read(file)?;
    let table = read_table(&source, table_args)?;
    let parts: Vec<&str> = if parts.is_empty() {
        // Not a totals row (合计, 全县), not the county of its townships, not the whole itself.
        table
            .part_regions()
            .into_iter()
            .filter(|r| *r != into.trim())
            .collect()
    } else {
        parts.iter().map(String::as_str).collect()
    };
    if parts.is_empty() {
        return Err(Failure::Usage(format!(
            "--into {into:?}: the table has no other region to roll up"
        )));
    }
    let rolled = table
        .roll_up(into, &parts, RollUp::new().accept_partial(partial))
        .map_err(|e| Failure::Usage(format!("rollup: {e}")))?;
    if table.regions().any(|r| r == into.trim()) {
        eprintln!(
            "tongji: {}: the file's own {} figures are not in the sum; `tongji audit` checks them against the parts",
            source.name,
            into.trim()
        );
    }
    let mut out = Out::open(output.output.as_deref())?;
    let format = out.format(output.format);
    if exact {
        // Every digit (a weighted 人均 to 28 digits), in the long layout that reads back.
        let rolled =
            Table::from_observations(rolled).map_err(|e| Failure::Input(format!("rollup: {e}")))?;
        let mut csv = Vec::new();
        rolled
            .write_csv(
                &mut csv,
                &WriteOptions::new()
                    .exact(true)
                    .bom(output.bom && format == Format::Csv),
            )
            .map_err(|e| Failure::Input(format!("rollup: {e}")))?;
        if format == Format::Csv {
            out.text(&String::from_utf8_lossy(&csv))?;
        } else {
            csv_as(&csv, &LONG_KEYS, &mut out, format)?;
        }
        return out.finish();
    }
    let mut rows = Rows::new(&mut out, format, &ROLLUP_COLUMNS, output.bom)?;
    for o in &rolled {
        let name = table
            .catalog()
            .get(o.indicator())
            .map_or_else(|| o.indicator().to_string(), |i| i.name().to_string());
        rows.row(&[
            o.region().to_string(),
            name,
            o.period().to_string(),
            o.value().to_string(),
            o.status().to_string(),
            o.target().map(|t| t.to_string()).unwrap_or_default(),
            if o.is_partial() { "部分" } else { "" }.to_string(),
        ])?;
    }
    rows.finish()?;
    out.finish()
}

/// The columns of `rollup`: the long layout, figures as a report prints them.
const ROLLUP_COLUMNS: [Column; 7] = [
    ("地区", "region"),
    ("指标", "indicator"),
    ("时期", "period"),
    ("数值", "value"),
    ("状态", "status"),
    ("目标", "target"),
    ("汇总范围", "partial"),
];

/// Writes the CSV the library wrote (header first) in another format: the same cells, the JSON
/// keys from `keys` by header (a header not there is its own key).
fn csv_as(csv: &[u8], keys: &[Column], out: &mut Out, format: Format) -> Result<(), Failure> {
    let failed = |e: csv::Error| Failure::Input(format!("re-reading the CSV written: {e}"));
    let mut reader = csv::Reader::from_reader(csv);
    let header: Vec<String> = reader
        .headers()
        .map_err(failed)?
        .iter()
        .map(str::to_string)
        .collect();
    let columns: Vec<Column> = header
        .iter()
        .map(|h| {
            let key = keys
                .iter()
                .find(|(zh, _)| zh == h)
                .map_or(h.as_str(), |k| k.1);
            (h.as_str(), key)
        })
        .collect();
    let mut rows = Rows::new(out, format, &columns, false)?;
    for record in reader.records() {
        let record = record.map_err(failed)?;
        rows.row(&record.iter().collect::<Vec<_>>())?;
    }
    rows.finish()?;
    Ok(())
}

/// JSON keys of the per-domain ledger summary.
const LEDGER_KEYS: [Column; 6] = [
    ("领域", "domain"),
    ("任务数", "total"),
    ("已完成", "completed"),
    ("延期", "deferred"),
    ("取消", "cancelled"),
    ("完成率", "completion_rate"),
];

/// What `ledger` was asked.
pub(crate) struct LedgerArgs<'a> {
    pub(crate) file: &'a Path,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) since: Option<&'a Path>,
    pub(crate) since_as_of: Option<NaiveDate>,
    pub(crate) strict: bool,
    pub(crate) format: Option<Format>,
    pub(crate) output: Option<&'a Path>,
    pub(crate) bom: bool,
}

/// The last day of the month before `date`'s.
fn end_of_previous_month(date: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    date.with_day(1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(date)
}

/// 2021年12月31日.
fn chinese_date(date: NaiveDate) -> String {
    date.format("%Y年%-m月%-d日").to_string()
}

/// `tongji ledger`.
pub(crate) fn ledger(args: &LedgerArgs<'_>) -> Result<(), Failure> {
    let source = Source::read(args.file)?;
    let ledger = read_ledger(&source, args.strict)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let summary = ledger.summary();
    let mut out = Out::open(args.output)?;
    let format = args.format.unwrap_or(Format::Table);
    if format != Format::Table {
        let mut csv = Vec::new();
        summary
            .write_csv(&mut csv, &WriteOptions::new())
            .map_err(|e| Failure::Input(format!("ledger: {e}")))?;
        if format == Format::Csv {
            if args.bom {
                out.text("\u{feff}")?;
            }
            out.text(&String::from_utf8_lossy(&csv))?;
            return out.finish();
        }
        csv_as(&csv, &LEDGER_KEYS, &mut out, format)?;
        return out.finish();
    }
    let mut text = String::new();
    text.push_str(&format!(
        "{}，出台制度性成果{}项。\n",
        summary.sentence(),
        summary.overall().institutional()
    ));
    text.push_str(&format!(
        "（完成率按应完成任务计{}，按全部任务计{}）\n",
        summary.completion_rate(),
        summary.completion_rate_all()
    ));
    let overdue = ledger.overdue(as_of);
    text.push_str(&format!(
        "\n截至{}逾期未完成（挂账）{}项",
        chinese_date(as_of),
        overdue.len()
    ));
    text.push_str(if overdue.is_empty() { "。\n" } else { "：\n" });
    for t in overdue {
        text.push_str(&format!(
            "  {} {}（{}，{}，{}）\n",
            t.id(),
            t.title(),
            t.lead(),
            t.deadline(),
            t.status()
        ));
    }
    if let Some(since) = args.since {
        let old_source = Source::read(since)?;
        let old = read_ledger(&old_source, args.strict)?;
        let old_as_of = args
            .since_as_of
            .unwrap_or_else(|| end_of_previous_month(as_of));
        let changes = ledger.changes_since(as_of, &old, old_as_of);
        text.push_str(&format!(
            "\n与{}（{}）相比：\n",
            old_source.name,
            chinese_date(old_as_of)
        ));
        let list = |title: &str, tasks: &[&tongji::Task], text: &mut String| {
            text.push_str(&format!("  {title}{}项", tasks.len()));
            let names: Vec<String> = tasks
                .iter()
                .map(|t| format!("{} {}", t.id(), t.title()))
                .collect();
            if names.is_empty() {
                text.push('\n');
            } else {
                text.push_str(&format!("：{}\n", names.join("；")));
            }
        };
        list("新完成（销号）", changes.completed(), &mut text);
        list("新增逾期（挂账）", changes.newly_overdue(), &mut text);
        list("新增任务", changes.added(), &mut text);
        let mut moved: BTreeMap<String, Vec<String>> = BTreeMap::new();
        // A change to 已完成 is listed above as 销号.
        for c in changes
            .status_changes()
            .iter()
            .filter(|c| c.task().status() != tongji::TaskStatus::Completed)
        {
            moved
                .entry(format!("{}→{}", c.from(), c.task().status()))
                .or_default()
                .push(format!("{} {}", c.task().id(), c.task().title()));
        }
        for (change, tasks) in moved {
            text.push_str(&format!(
                "  状态{change}{}项：{}\n",
                tasks.len(),
                tasks.join("；")
            ));
        }
    }
    out.text(&text)?;
    out.finish()
}
