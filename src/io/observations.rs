//! Observations as CSV, long format: one observation a row.
//!
//! Columns (English or Chinese headers, any order, extra columns ignored): `region/地区`,
//! `indicator/指标` (code, Chinese name or alias), `period/时期`, `value/数值`, and the optional
//! `unit/单位`, `status/状态`, `yoy/同比增长`, `target/目标`. The unit may stand in the value instead
//! ("46596万元"), or in the header ("数值(万元)"). Values are read from their text, never through a
//! float. Headers are compared as every reader compares them ([`super::columns::header_key`]).

use std::io::{Read, Write};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::columns::{Cells, Column, Spec, text};
use super::records::{Reading, for_each_decoded};
use super::write::{csv_writer, finish, header, record};
use crate::table::{Field, Parsed};
use crate::text::figure::parse_unit_cell;
use crate::text::number::{parse_decimal, plain_number};
use crate::value::precision::Precision;
use crate::{
    CsvOptions, Error, Growth, Magnitude, Period, Quantity, Rate, Result, Status, Table, Unit,
    WriteOptions,
};
use std::collections::HashMap;

pub(crate) const REGION: Column<()> = Column::new(0, &["region", "地区", "区域"], true, text);
pub(crate) const INDICATOR: Column<()> =
    Column::new(1, &["indicator", "指标", "指标名称"], true, text);
pub(crate) const PERIOD: Column<Period> =
    Column::new(2, &["period", "时期", "期别"], true, Period::from_str);
pub(crate) const VALUE: Column<()> = Column::new(3, &["value", "数值", "值"], true, text);
pub(crate) const UNIT: Column<(Magnitude, Unit)> =
    Column::new(4, &["unit", "单位", "计量单位"], false, parse_unit_cell);
pub(crate) const STATUS: Column<Status> =
    Column::new(5, &["status", "状态"], false, Status::from_str);
pub(crate) const YOY: Column<Rate> = Column::new(
    6,
    &["yoy", "同比增长", "同比增长(%)", "同比", "增速"],
    false,
    parse_yoy,
);
pub(crate) const TARGET: Column<()> =
    Column::new(7, &["target", "目标", "目标任务", "年度目标"], false, text);

/// Every column the reader maps, in order.
pub(crate) const SPECS: [&dyn Spec; 8] = [
    &REGION, &INDICATOR, &PERIOD, &VALUE, &UNIT, &STATUS, &YOY, &TARGET,
];

/// A published growth rate: "4.1" (percent, as the 同比增长(%) column holds it), "4.1%", "-0.5%",
/// "增长4.1%", "下降0.5%"; kept as written.
pub(crate) fn parse_yoy(text: &str) -> Result<Rate> {
    if let Ok(d) = parse_decimal(text, "a growth rate") {
        return Ok(Rate::from_percent(d)
            .as_written()
            .with_precision(Precision::written(d)));
    }
    if let Ok(rate) = text.parse::<Rate>() {
        return Ok(rate);
    }
    match text.parse::<Growth>()? {
        Growth::Rate(r) => Ok(r),
        other => Err(Error::parse(
            text,
            "a growth rate",
            format!(
                "expected a rate in percent; {} is a state, not a rate",
                other.state_word().unwrap_or("—")
            ),
            0,
        )),
    }
}

/// Caches of the texts that repeat across rows: periods and units.
#[derive(Default)]
pub(crate) struct Caches {
    periods: HashMap<String, Period>,
    units: HashMap<String, (Magnitude, Unit)>,
}

impl Caches {
    fn period(&mut self, text: &str) -> Result<Period> {
        if let Some(p) = self.periods.get(text) {
            return Ok(*p);
        }
        let p: Period = text.parse()?;
        self.periods.insert(text.to_string(), p);
        Ok(p)
    }

    fn unit(&mut self, text: &str) -> Result<(Magnitude, Unit)> {
        if let Some(mu) = self.units.get(text) {
            return Ok(*mu);
        }
        let mu = parse_unit_cell(text)?;
        self.units.insert(text.to_string(), mu);
        Ok(mu)
    }

    /// A figure from a value cell and the unit cell ("46596" + "万元"), or the value alone
    /// ("46596万元"); a value cell that carries its own unit is read as written.
    fn quantity(&mut self, value: &str, unit: &str) -> Result<Quantity> {
        if unit.is_empty() {
            // The common case: ASCII digits and a unit seen before ("46596万元").
            if let Some((number, suffix)) = plain_number(value) {
                if let (Some(&(m, u)), Ok(d)) =
                    (self.units.get(suffix), Decimal::from_str_exact(number))
                {
                    return Quantity::written(d, m, u, None);
                }
                let q: Quantity = value.parse()?;
                if is_unit_suffix(&q, number, suffix) {
                    self.units
                        .insert(suffix.to_string(), (q.magnitude(), q.unit()));
                }
                return Ok(q);
            }
            return value.parse();
        }
        let Ok(number) = parse_decimal(value, "a number") else {
            return value.parse();
        };
        let (m, u) = self.unit(unit)?;
        Quantity::written(number, m, u, None)
    }
}

/// Whether `suffix`, what follows the digits `number` of the figure `q` was parsed from, is its
/// magnitude and unit alone, so that any number before it means the same unit: not a qualifier
/// ("3余万元"), nor more digits ("1,234万元" is "1" and ",234万元": the suffix holds digits).
pub(crate) fn is_unit_suffix(q: &Quantity, number: &str, suffix: &str) -> bool {
    q.qualifier().is_none()
        && !suffix.is_empty()
        && Decimal::from_str_exact(number)
            .is_ok_and(|n| n == q.value() && n.scale() == q.value().scale())
}

/// What a row is read with besides its cells: the options' region, period and catalog.
pub(crate) struct Context<'o> {
    ad_hoc: bool,
    region: Option<&'o str>,
    period: Option<Period>,
    catalog: &'o crate::Catalog,
}

impl<'o> Context<'o> {
    pub(crate) fn of(options: &'o CsvOptions) -> Context<'o> {
        Context {
            ad_hoc: !options.is_strict_catalog(),
            region: options.region_given(),
            period: options.period_given(),
            catalog: options.catalog_of(),
        }
    }

    /// The columns the options supply.
    pub(crate) fn supplied(&self) -> &'static [usize] {
        match (self.region.is_some(), self.period.is_some()) {
            (true, true) => &[0, 2],
            (true, false) => &[0],
            (false, true) => &[2],
            (false, false) => &[],
        }
    }
}

/// The parsed cells of one row; the table checks them against its catalog.
fn parse_row<'r>(
    cells: &'r Cells<'_>,
    caches: &mut Caches,
    context: &Context<'r>,
) -> Result<Parsed<'r>> {
    let period = match (cells.text(&PERIOD), context.period) {
        ("", Some(p)) => p,
        (text, _) => caches.period(text).map_err(|e| cells.error(&PERIOD, e))?,
    };
    let unit_cell = cells.text(&UNIT);
    // Without a unit cell, the header's unit ("数值(万元)") is the column's.
    let header_unit = |index: usize| match unit_cell {
        "" => cells.header.unit(index).map(|u| u.to_string()),
        _ => None,
    };
    let value_unit = header_unit(VALUE.index);
    let unit = value_unit.as_deref().unwrap_or(unit_cell);
    let unit_column: &dyn Spec = if unit_cell.is_empty() { &VALUE } else { &UNIT };
    let indicator = cells.text(&INDICATOR);
    let value_text = cells.text(&VALUE);
    // A unit cell's error is the unit column's only when the value cell holds a plain number.
    let blamed = if unit_cell.is_empty() || parse_decimal(value_text, "a number").is_ok() {
        unit_column
    } else {
        &VALUE
    };
    if is_scientific(value_text) {
        return Err(cells.error(&VALUE, scientific(value_text)));
    }
    let value = caches
        .quantity(value_text, unit)
        .or_else(|e| in_indicator_unit(value_text, unit, indicator, context, e))
        .map_err(|e| cells.error(blamed, e))?;
    let target = match cells.text(&TARGET) {
        "" => None,
        t if super::columns::no_data(t) => None,
        t => {
            let target_unit = header_unit(TARGET.index);
            Some(
                caches
                    .quantity(t, target_unit.as_deref().unwrap_or(unit))
                    .map_err(|e| cells.error(&TARGET, e))?,
            )
        }
    };
    let region = match cells.text(&REGION) {
        "" => context.region.unwrap_or(""),
        text => text,
    };
    Ok(Parsed {
        region,
        indicator,
        period,
        value,
        status: cells.get(&STATUS)?.unwrap_or_default(),
        yoy: cells.get(&YOY)?,
        target,
        partial: false,
        ad_hoc: context.ad_hoc,
    })
}

/// Whether a cell is a number in scientific notation ("1.20E+05", "3e6").
pub(crate) fn is_scientific(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let mantissa = mantissa.strip_prefix(['+', '-']).unwrap_or(mantissa);
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && mantissa.bytes().any(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// The error for a number in scientific notation: its digits may be what Excel showed, rounded.
fn scientific(text: &str) -> Error {
    Error::parse(
        text,
        "a figure",
        "scientific notation is how Excel shows a number too wide for its column, and the digits \
         shown may be rounded: format the cells as numbers and export again",
        0,
    )
}

/// "47149万" with no unit cell: the magnitude as written, in the unit of the indicator in the
/// catalog; any other failure is `error`, the one the figure gave.
fn in_indicator_unit(
    value: &str,
    unit: &str,
    indicator: &str,
    context: &Context<'_>,
    error: Error,
) -> Result<Quantity> {
    if !unit.is_empty() || !error.is_parse() {
        return Err(error);
    }
    match context.catalog.get(indicator) {
        Some(i) => format!("{value}{}", i.unit()).parse().map_err(|_| error),
        None => Err(error),
    }
}

/// The column a table's check refers to; `None` for the key as a whole.
fn column_of(field: Field) -> Option<&'static dyn Spec> {
    match field {
        Field::Region => Some(&REGION),
        Field::Indicator => Some(&INDICATOR),
        Field::Value => Some(&VALUE),
        Field::Target => Some(&TARGET),
        Field::Key => None,
    }
}

/// How a duplicate's column is named: the key's three columns.
const KEY_COLUMNS: &str = "地区/指标/时期";

/// Reads a long-format observation CSV into a table; see [`Table::read_csv`].
pub(crate) fn read<R: Read>(reader: R, options: &CsvOptions) -> Result<(Table, Vec<Error>)> {
    let mut table = Table::with_catalog(options.catalog_of().clone());
    let mut caches = Caches::default();
    let context = Context::of(options);
    let reading = Reading {
        supplied: context.supplied(),
        ..options.reading()
    };
    let (decoded, decoding) = super::encoding::utf8_reader(reader)?;
    // The fast path reads UTF-8 leniently, with nothing supplied by the options.
    let fast = decoding == super::encoding::Decoding::Utf8
        && !reading.strict
        && reading.supplied.is_empty();
    let read = if fast {
        super::fast::read(
            decoded,
            &mut table,
            reading,
            &mut caches,
            &context,
            super::fast::Split::default(),
        )
    } else {
        for_each_decoded(decoded, decoding, &SPECS, reading, |cells| {
            push_row(&mut table, cells, &mut caches, &context)
        })
    };
    match read {
        Ok(bad) => finish_table(table, bad, options),
        Err(e) => Err(first_failure(table, e)),
    }
}

/// What a strict reader stops with: `error` (the first bad row parsed, or a failure of the file)
/// unless a duplicate among the rows before it comes first — duplicates are only found when the
/// rows are sorted.
fn first_failure(mut table: Table, error: Error) -> Error {
    let line = error.line();
    if line == 0 {
        return error;
    }
    table
        .finish_loading()
        .into_iter()
        .map(|(_, e)| e.in_column(KEY_COLUMNS))
        .filter(|d| d.line() < line)
        .min_by_key(Error::line)
        .unwrap_or(error)
}

/// Parses one row and puts it in the table, errors located at its cells.
pub(crate) fn push_row(
    table: &mut Table,
    cells: &Cells<'_>,
    caches: &mut Caches,
    context: &Context<'_>,
) -> Result<()> {
    let parsed = parse_row(cells, caches, context)?;
    table
        .push_parsed(&parsed, cells.line)
        .map_err(|(field, e)| match column_of(field) {
            Some(column) => cells.error(column, e),
            None => match cells.sheet {
                Some(_) => cells.error(&KEY, e),
                None => e.at_line(cells.line, Some(cells.offset)),
            },
        })
}

/// The key columns as one, for errors about the key (a sheet's row).
const KEY: Column<()> = Column::new(usize::MAX, &["key"], false, text);

/// Reads a long-format sheet (see [`Table::read_xlsx_long`]): the header is the first of its
/// first 30 rows that has the required columns; title rows above it are skipped.
#[cfg(feature = "xlsx")]
pub(crate) fn read_grid(
    grid: &super::grid::Grid,
    options: &CsvOptions,
) -> Result<(Table, Vec<Error>)> {
    use super::columns::Header;
    let context = Context::of(options);
    let sheet = match &grid.origin {
        super::grid::Origin::Sheet(name) => Some(&**name),
        super::grid::Origin::Csv => None,
    };
    let mut first_error = None;
    let mut found = None;
    for (i, row) in grid.rows.iter().enumerate().take(30) {
        match Header::new(row.cells.iter(), &SPECS, context.supplied()) {
            Ok(h) => {
                found = Some((i, h));
                break;
            }
            Err(e) => {
                first_error.get_or_insert_with(|| grid.locate(e, row, None, ""));
            }
        }
    }
    let Some((at, header)) = found else {
        return Err(first_error.unwrap_or_else(|| Error::empty("the sheet")));
    };
    let mut table = Table::with_catalog(options.catalog_of().clone());
    let mut caches = Caches::default();
    let mut bad = grid.bad.clone();
    for row in &grid.rows[at + 1..] {
        if row.is_blank() {
            continue;
        }
        let cells = Cells {
            header: &header,
            record: &row.cells,
            line: row.line,
            offset: 0,
            sheet,
        };
        if let Err(e) = push_row(&mut table, &cells, &mut caches, &context) {
            if options.is_strict() {
                return Err(first_failure(table, e));
            }
            bad.push(e);
        }
    }
    finish_table(table, bad, options)
}

/// Sorts the table a reader filled and adds its duplicates to the bad rows.
pub(crate) fn finish_table(
    mut table: Table,
    mut bad: Vec<Error>,
    options: &CsvOptions,
) -> Result<(Table, Vec<Error>)> {
    let duplicates = table
        .finish_loading()
        .into_iter()
        .map(|(_, e)| e.in_column(KEY_COLUMNS));
    if options.is_strict() {
        if let Some(first) = duplicates.into_iter().next() {
            return Err(first);
        }
    } else {
        bad.extend(duplicates);
        bad.sort_by_key(Error::line);
    }
    Ok((table, bad))
}

/// Writes a table in the long format; see [`Table::write_csv`].
pub(crate) fn write<W: Write>(table: &Table, writer: W, options: &WriteOptions) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    header(
        &mut w,
        &[&REGION, &INDICATOR, &PERIOD, &VALUE, &STATUS, &YOY, &TARGET],
    )?;
    // A figure as written is written with its digits; a computed one as it prints, or with every
    // digit when asked (it then reads back as a written figure of those digits).
    let exact = options.is_exact();
    let quantity = |q: Quantity| if exact { q.exact_text() } else { q.to_string() };
    let rate = |r: Rate| if exact { r.exact_text() } else { r.to_string() };
    for o in table.iter() {
        record(
            &mut w,
            [
                o.region().to_string(),
                o.indicator().name().to_string(),
                o.period().to_string(),
                quantity(o.value()),
                o.status().to_string(),
                o.yoy().map(rate).unwrap_or_default(),
                o.target().map(quantity).unwrap_or_default(),
            ],
        )?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_cell_holds_a_unit_only() {
        let csv = "地区,指标,时期,数值,单位\n示例县,gdp,2023年,3,0.5亿元\n示例县,粮食播种面积,2023年,3,余亩\n示例县,gdp,2022年,3,亿元\n";
        let (t, bad) = Table::read_csv(csv.as_bytes()).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(
            bad[0].to_string(),
            r#"line 2, column 单位: cannot parse "0.5亿元" as a unit: expected a unit such as 万元 without a number (at byte 0)"#
        );
        assert!(
            bad[1]
                .to_string()
                .starts_with("line 3, column 单位: cannot parse \"余亩\"")
        );
    }
}
