//! Observations as CSV, long format: one observation a row.
//!
//! Columns (English or Chinese headers, any order, extra columns ignored): `region/地区`,
//! `indicator/指标` (code, Chinese name or alias), `period/时期`, `value/数值`, and the optional
//! `unit/单位`, `status/状态`, `yoy/同比增长`, `target/目标`. The unit may stand in the value instead
//! ("46596万元"). Values are read from their text, never through a float.

use std::io::{Read, Write};
use std::str::FromStr;

use rust_decimal::Decimal;

use super::columns::{Cells, Column, Spec, text};
use super::records::for_each_record;
use super::write::{csv_writer, finish, header, record};
use crate::map::FastMap;
use crate::table::{Field, Parsed};
use crate::text::figure::parse_unit_cell;
use crate::text::number::{parse_decimal, plain_number};
use crate::value::precision::Precision;
use crate::{
    CsvOptions, Error, Growth, Magnitude, Period, Quantity, Rate, Result, Status, Table, Unit,
    WriteOptions,
};

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
fn parse_yoy(text: &str) -> Result<Rate> {
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
struct Caches {
    periods: FastMap<String, Period>,
    units: FastMap<String, (Magnitude, Unit)>,
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
                if q.qualifier().is_none() && !suffix.is_empty() {
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

/// The parsed cells of one row; the table checks them against its catalog.
fn parse_row<'r>(cells: &'r Cells<'_>, caches: &mut Caches, ad_hoc: bool) -> Result<Parsed<'r>> {
    let period = caches
        .period(cells.text(&PERIOD))
        .map_err(|e| cells.error(&PERIOD, e))?;
    let unit = cells.text(&UNIT);
    let unit_column: &dyn Spec = if unit.is_empty() { &VALUE } else { &UNIT };
    let value = caches
        .quantity(cells.text(&VALUE), unit)
        .map_err(|e| cells.error(unit_column, e))?;
    let target = match cells.text(&TARGET) {
        "" => None,
        t => Some(
            caches
                .quantity(t, unit)
                .map_err(|e| cells.error(&TARGET, e))?,
        ),
    };
    Ok(Parsed {
        region: cells.text(&REGION),
        indicator: cells.text(&INDICATOR),
        period,
        value,
        status: cells.get(&STATUS)?.unwrap_or_default(),
        yoy: cells.get(&YOY)?,
        target,
        partial: false,
        ad_hoc,
    })
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
    let mut bad = for_each_record(reader, &SPECS, options.is_strict(), |cells| {
        let parsed = parse_row(cells, &mut caches, !options.is_strict_catalog())?;
        table
            .push_parsed(&parsed, cells.line)
            .map_err(|(field, e)| match column_of(field) {
                Some(column) => cells.error(column, e),
                None => e.at_line(cells.line, Some(cells.offset)),
            })
    })?;
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
    for o in table.iter() {
        record(
            &mut w,
            [
                o.region().to_string(),
                o.indicator().name().to_string(),
                o.period().to_string(),
                o.value().exact_text(),
                o.status().to_string(),
                o.yoy().map(|r| r.exact_text()).unwrap_or_default(),
                o.target().map(|t| t.exact_text()).unwrap_or_default(),
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
