//! Observations as CSV, long format: one observation a row.
//!
//! Columns (English or Chinese headers, any order, extra columns ignored):
//! `region/地区`, `indicator/指标` (code or Chinese name), `period/时期`, `value/数值`, and the
//! optional `unit/单位`, `status/状态`, `yoy/同比增长`, `target/目标`. The unit may stand in the
//! value instead ("46596万元"). Values are read from their text, never through a float.

use crate::text::fast_map::FastMap;
use std::io::{Read, Write};

use super::columns::{Layout, Spec, cell_error, for_each_record, line_of};
use crate::table::{Row, Table};
use crate::text::number::parse_decimal;
use crate::{Catalog, Error, Growth, Magnitude, Period, Quantity, Rate, Result, Status, Unit};

/// How [`Table::read_csv_with`] reads.
///
/// # Examples
///
/// ```
/// use tongji::{CsvOptions, Table};
/// let csv = "地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n";
/// assert!(Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().strict(true)).is_err());
/// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new())?;
/// assert_eq!((t.len(), bad.len()), (0, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CsvOptions {
    strict: bool,
    catalog: Catalog,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions::new()
    }
}

impl CsvOptions {
    /// Lenient (bad rows reported, good rows kept), with the built-in catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = tongji::CsvOptions::new();
    /// ```
    pub fn new() -> CsvOptions {
        CsvOptions {
            strict: false,
            catalog: Catalog::builtin(),
        }
    }

    /// Strict: fail on the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = tongji::CsvOptions::new().strict(true);
    /// ```
    pub fn strict(self, yes: bool) -> CsvOptions {
        CsvOptions {
            strict: yes,
            ..self
        }
    }

    /// Whether the reader stops at the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::CsvOptions::new().strict(true).is_strict());
    /// ```
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// Read indicators against `catalog` instead of the built-in one.
    ///
    /// # Examples
    ///
    /// ```
    /// let _ = tongji::CsvOptions::new().catalog(tongji::Catalog::builtin());
    /// ```
    pub fn catalog(self, catalog: Catalog) -> CsvOptions {
        CsvOptions { catalog, ..self }
    }
}

/// The columns of the observation CSV, in the order of [`SPECS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Region,
    Indicator,
    Period,
    Value,
    Unit,
    Status,
    Yoy,
    Target,
}

const SPECS: [Spec; 8] = [
    Spec {
        names: &["region", "地区", "区域"],
        required: true,
    },
    Spec {
        names: &["indicator", "指标", "指标名称"],
        required: true,
    },
    Spec {
        names: &["period", "时期", "期别"],
        required: true,
    },
    Spec {
        names: &["value", "数值", "值"],
        required: true,
    },
    Spec {
        names: &["unit", "单位", "计量单位"],
        required: false,
    },
    Spec {
        names: &["status", "状态"],
        required: false,
    },
    Spec {
        names: &[
            "yoy",
            "同比增长",
            "同比增长(%)",
            "同比增长（%）",
            "同比",
            "增速",
        ],
        required: false,
    },
    Spec {
        names: &["target", "目标", "目标任务", "年度目标"],
        required: false,
    },
];

/// Caches of the texts that repeat across rows: periods and units.
#[derive(Default)]
struct Caches {
    periods: FastMap<String, Period>,
    units: FastMap<String, (Magnitude, Unit)>,
}

/// Splits "46596.5万元" into its number and suffix when the number is plain ASCII
/// (`-?digits(.digits)?`); `None` for anything else (fullwidth digits, separators, placeholders,
/// qualifiers), which the full parser handles.
fn plain_number(cell: &str) -> Option<(&str, &str)> {
    let bytes = cell.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if bytes.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i = frac_start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac_start {
            return None;
        }
    }
    let (number, suffix) = cell.split_at(i);
    // The suffix must be a unit, not more digits or a separator the full parser should see.
    (!suffix.is_empty() && !suffix.starts_with([',', '.', ' '])).then_some((number, suffix))
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

    /// A figure from a value cell and the unit cell ("46596" + "万元"), or the value alone
    /// ("46596万元").
    fn quantity(&mut self, value: &str, unit: Option<&str>) -> Result<Quantity> {
        let Some(unit) = unit.filter(|u| !u.is_empty()) else {
            // The common case: ASCII digits and a unit seen before ("46596万元").
            if let Some((number, suffix)) = plain_number(value) {
                if let (Some(&(m, u)), Ok(d)) = (
                    self.units.get(suffix),
                    rust_decimal::Decimal::from_str_exact(number),
                ) {
                    return Quantity::written(d, m, u);
                }
                let q: Quantity = value.parse()?;
                if q.qualifier().is_none() {
                    self.units
                        .insert(suffix.to_string(), (q.magnitude(), q.unit()));
                }
                return Ok(q);
            }
            return value.parse();
        };
        // A cell that carries its own unit ("125亿元" beside a 单位 column) is read as written.
        let Ok(number) = parse_decimal(value, "a number") else {
            return value.parse();
        };
        let (m, u) = match self.units.get(unit) {
            Some(&mu) => mu,
            None => {
                let probe: Quantity = format!("1{unit}").parse().map_err(|e| match e {
                    Error::UnknownUnit { unit: u, .. } => Error::UnknownUnit {
                        input: unit.to_string(),
                        unit: u,
                    },
                    other => other,
                })?;
                let mu = (probe.magnitude(), probe.unit());
                self.units.insert(unit.to_string(), mu);
                mu
            }
        };
        Quantity::written(number, m, u)
    }
}

/// A published growth rate: "4.1", "4.1%", "-0.5%", "增长4.1%", "下降0.5%".
fn parse_yoy(text: &str) -> Result<Rate> {
    let worded = text
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && !"－−＋０１２３４５６７８９".contains(c));
    if !worded && (text.ends_with('%') || text.ends_with('％') || text.ends_with('‰')) {
        return text.parse();
    }
    if let Ok(d) = parse_decimal(text, "a growth rate") {
        return format!("{d}%").parse::<Rate>();
    }
    match text.parse::<Growth>()? {
        Growth::Rate(r) => Ok(r),
        other => Err(Error::domain(
            "yoy",
            other.state_word().unwrap_or_default(),
            "a growth rate in percent",
        )),
    }
}

impl Table {
    /// Reads observations from CSV (UTF-8 with or without BOM; GBK/GB18030 too with the `gbk`
    /// feature), leniently: every bad row is returned with its line number and reason, and the
    /// good rows are kept. Duplicate keys are bad rows naming the line of the first.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when the header lacks a required column or the input cannot be read at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Table;
    /// let csv = "region,indicator,period,value,unit\n示例县,retail,2023年,120.5,亿元\n示例县,retail,2023年,1,光年\n";
    /// let (table, bad) = Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(table.len(), 1);
    /// assert_eq!(bad[0].to_string(), r#"line 3, column unit: unknown unit "光年" in "光年""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<(Table, Vec<Error>)> {
        Table::read_csv_with(reader, &CsvOptions::new())
    }

    /// [`Table::read_csv`] with options: strict mode, another catalog.
    ///
    /// # Errors
    ///
    /// As [`Table::read_csv`]; in strict mode also the first bad row, as [`Error::Row`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "地区,指标,时期,数值\n示例县,无此指标,2023年,1亿元\n";
    /// let err = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().strict(true)).unwrap_err();
    /// assert!(err.to_string().starts_with("line 2, column 指标"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv_with<R: Read>(reader: R, options: &CsvOptions) -> Result<(Table, Vec<Error>)> {
        let mut table = Table::with_catalog(options.catalog.clone());
        let mut caches = Caches::default();
        let mut bad = for_each_record(reader, &SPECS, options.strict, |record, layout, line| {
            let row = table.row_from_record(record, layout, &mut caches, line)?;
            table.push_unsorted(row);
            Ok(())
        })?;
        let duplicates = table.sort_rows();
        if options.strict {
            if let Some(first) = duplicates.into_iter().next() {
                return Err(first);
            }
        } else {
            bad.extend(duplicates);
            bad.sort_by_key(line_of);
        }
        Ok((table, bad))
    }

    fn row_from_record(
        &mut self,
        record: &csv::StringRecord,
        layout: &Layout,
        caches: &mut Caches,
        line: u64,
    ) -> Result<Row> {
        let field = |c: Column| layout.get(record, c as usize).unwrap_or("");
        let err = |c: Column, e: Error| cell_error(line, layout, c as usize, e);
        let indicator = self
            .indicator_index(field(Column::Indicator))
            .map_err(|e| err(Column::Indicator, e))?;
        let expected = self.catalog().at(indicator as usize).unit();
        let period = caches
            .period(field(Column::Period))
            .map_err(|e| err(Column::Period, e))?;
        let unit_cell = layout.get(record, Column::Unit as usize);
        let unit_column = if unit_cell.is_some_and(|u| !u.is_empty()) {
            Column::Unit
        } else {
            Column::Value
        };
        let value = caches
            .quantity(field(Column::Value), unit_cell)
            .map_err(|e| err(unit_column, e))?;
        value
            .same_dimension_as(expected)
            .map_err(|e| err(Column::Value, e))?;
        let status: Status = field(Column::Status)
            .parse()
            .map_err(|e| err(Column::Status, e))?;
        let yoy = match field(Column::Yoy) {
            "" => None,
            text => Some(parse_yoy(text).map_err(|e| err(Column::Yoy, e))?),
        };
        let target = match field(Column::Target) {
            "" => None,
            text => {
                let t = caches
                    .quantity(text, unit_cell)
                    .map_err(|e| err(Column::Target, e))?;
                t.same_dimension_as(expected)
                    .map_err(|e| err(Column::Target, e))?;
                Some(t)
            }
        };
        let region = self
            .intern_region(field(Column::Region))
            .map_err(|e| err(Column::Region, e))?;
        let target = match target {
            Some(t) => self.push_target(t)?,
            None => u32::MAX,
        };
        Ok(Row {
            region,
            indicator,
            period,
            value,
            yoy,
            target,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            status,
            partial: false,
        })
    }

    /// Writes the table as CSV in the long format it is read from, with Chinese headers
    /// (地区,指标,时期,数值,状态,同比增长,目标), indicators by Chinese name and figures as written,
    /// so that reading it back gives equal values with equal digits. `bom` writes a UTF-8 BOM
    /// first, for Excel.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Table;
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,136.91亿元,4.1\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.write_csv(&mut out, false)?;
    /// assert_eq!(String::from_utf8(out)?, "地区,指标,时期,数值,状态,同比增长,目标\n示例县,地区生产总值,2023年,136.91亿元,实际,4.1%,\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, bom: bool) -> Result<()> {
        let mut w = csv_writer(writer, bom)?;
        write_record(
            &mut w,
            ["地区", "指标", "时期", "数值", "状态", "同比增长", "目标"],
        )?;
        for o in self.iter() {
            write_record(
                &mut w,
                [
                    o.region().to_string(),
                    o.indicator().name().to_string(),
                    o.period().to_string(),
                    o.value().to_string(),
                    o.status().to_string(),
                    o.yoy().map(|r| r.to_string()).unwrap_or_default(),
                    o.target().map(|t| t.to_string()).unwrap_or_default(),
                ],
            )?;
        }
        finish(w)
    }
}

fn io_error(e: impl std::fmt::Display) -> Error {
    Error::Csv {
        line: None,
        message: e.to_string(),
    }
}

pub(crate) fn csv_writer<W: Write>(mut writer: W, bom: bool) -> Result<csv::Writer<W>> {
    if bom {
        writer.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
    }
    Ok(csv::Writer::from_writer(writer))
}

/// Flushes a CSV writer, mapping an I/O failure to [`Error::Csv`].
pub(crate) fn finish<W: Write>(mut w: csv::Writer<W>) -> Result<()> {
    w.flush().map_err(io_error)
}

pub(crate) fn write_record<W: Write, I: IntoIterator<Item = T>, T: AsRef<[u8]>>(
    w: &mut csv::Writer<W>,
    record: I,
) -> Result<()> {
    w.write_record(record).map_err(io_error)
}

impl crate::Report {
    /// Writes the report table as CSV (指标,本期,上年同期,同比增长,目标,完成率,序时进度差); `bom` writes
    /// a UTF-8 BOM first, for Excel.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,目标\n示例乡,fai,2023年1—10月,46596万元,4.4亿元\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.report("示例乡", &"2023年1—10月".parse()?)?.write_csv(&mut out, false)?;
    /// assert!(String::from_utf8(out)?.ends_with("固定资产投资,46596万元,,,4.4亿元,105.9%,快于序时进度22.6个百分点\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, bom: bool) -> Result<()> {
        let mut w = csv_writer(writer, bom)?;
        write_record(&mut w, crate::Report::HEADER)?;
        for line in self.lines() {
            write_record(&mut w, line.cells())?;
        }
        finish(w)
    }
}
