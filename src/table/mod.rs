//! Observation tables: observations indexed by (region, indicator, period), with the figures a
//! report derives from them.

pub(crate) mod aggregate;
pub(crate) mod audit;
pub(crate) mod cells;
pub(crate) mod columns;
pub(crate) mod observation;
pub(crate) mod report;
pub(crate) mod row;
pub(crate) mod sentence;
pub(crate) mod yoy;

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::io::{Read, Write};

use columns::{Columns, Packed};
use row::{At, NO_TARGET, Row};

/// A row's key: region, indicator and period ids.
type Key = (u32, u32, Period);

/// A key as the columns sort it.
fn packed((region, indicator, period): Key) -> Packed {
    (region, indicator, period.packed().0)
}

use crate::{
    Catalog, CsvOptions, Error, Growth, Observation, ObservationRef, Period, Quantity, Rate,
    Result, ScheduleGap, Status, WriteOptions, Yoy, completion, schedule_gap, share,
};

/// Observations indexed by (region, indicator, period), with the catalog that says what each
/// indicator is.
///
/// A table holds at most one observation per key: a second one is a
/// [`crate::ErrorKind::Duplicate`] error naming both. From it come each row's growth (published
/// wins; a recomputed one is marked as such, and not computed at all where the catalog forbids),
/// completion against the target, the gap to 序时进度, the share of a parent indicator, and roll-ups
/// across regions and months.
///
/// # Examples
///
/// ```
/// use tongji::{Period, Table};
/// let csv = "地区,指标,时期,数值,同比增长\n示例县,社会消费品零售总额,2023年,120.5亿元,\n示例县,社会消费品零售总额,2022年,110亿元,\n";
/// let (table, bad_rows) = Table::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let g = table.growth("示例县", "社会消费品零售总额", &"2023年".parse::<Period>()?)?;
/// assert_eq!(g.to_string(), "增长9.5%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Table {
    catalog: Catalog,
    regions: Vec<String>,
    region_ids: HashMap<String, u32>,
    /// Sorted by key, no two equal keys: what the readers load, and what [`Table::insert`] adds
    /// in key order; stored as columns.
    rows: Columns,
    /// Rows [`Table::insert`] added out of key order, no key also in `rows`: a `Vec` insertion
    /// there moves every later row, which made building a table newest-first quadratic. Merged
    /// into `rows` when it grows as large.
    inserted: BTreeMap<Key, Row>,
    targets: Vec<Quantity>,
}

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

/// The fields of one observation as a reader parsed them, before the table checks them against
/// its catalog.
pub(crate) struct Parsed<'a> {
    pub(crate) region: &'a str,
    pub(crate) indicator: &'a str,
    pub(crate) period: Period,
    pub(crate) value: Quantity,
    pub(crate) status: Status,
    pub(crate) yoy: Option<Rate>,
    pub(crate) target: Option<Quantity>,
    pub(crate) partial: bool,
    /// An indicator the catalog does not know is added as an ad-hoc entry, not refused.
    pub(crate) ad_hoc: bool,
}

/// Which field of an observation a table's check refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Region,
    Indicator,
    Value,
    Target,
    /// The key as a whole (a duplicate).
    Key,
}

impl Table {
    /// An empty table with the built-in catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例县", "接待游客", "2023年".parse()?, "74.2万人次".parse()?))?;
    /// assert_eq!(t.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Table {
        Table::with_catalog(Catalog::builtin())
    }

    /// An empty table with `catalog`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Observation, Table};
    /// let mut t = Table::with_catalog(Catalog::empty());
    /// let gdp = Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?);
    /// assert!(t.insert(gdp).unwrap_err().is_unknown_indicator()); // the empty catalog knows nothing
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_catalog(catalog: Catalog) -> Table {
        Table {
            catalog,
            regions: Vec::new(),
            region_ids: HashMap::new(),
            rows: Columns::default(),
            inserted: BTreeMap::new(),
            targets: Vec::new(),
        }
    }

    /// Reads observations from CSV (UTF-8 with or without BOM; GBK/GB18030 too with the `gbk`
    /// feature), leniently: every bad row is returned with its line, column and reason, and the
    /// good rows are kept. Duplicate keys are bad rows naming the line of the first. See
    /// [`CsvOptions`] for strict reading and other catalogs; the columns are in the crate docs.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::MissingColumn`] when the header lacks a required column;
    /// [`crate::ErrorKind::Io`] or [`crate::ErrorKind::Csv`] when the input cannot be read at all.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Table;
    /// let csv = "region,indicator,period,value,unit\n示例县,retail,2023年,120.5,亿元\n示例县,retail,2022年,1,光年\n";
    /// let (table, bad) = Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(table.len(), 1);
    /// assert_eq!(bad[0].to_string(), r#"line 3, column unit: unknown unit "光年""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<(Table, Vec<Error>)> {
        Table::read_csv_with(reader, &CsvOptions::new())
    }

    /// [`Table::read_csv`] with options: strict mode, a strict catalog, another catalog.
    ///
    /// # Errors
    ///
    /// As [`Table::read_csv`]; in strict mode also the first bad row, located at its line and
    /// column.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "地区,指标,时期,数值\n示例县,无此指标,2023年,1亿元\n";
    /// let options = CsvOptions::new().strict(true).strict_catalog(true);
    /// let err = Table::read_csv_with(csv.as_bytes(), &options).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     r#"line 2, column 指标: unknown indicator "无此指标": not a code, name or alias in the catalog"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv_with<R: Read>(reader: R, options: &CsvOptions) -> Result<(Table, Vec<Error>)> {
        crate::io::observations::read(reader, options)
    }

    /// Reads a wide table — the 月报/快报 layout offices export: title rows, a header row, one
    /// indicator a row with value columns (本月, 1-本月累计, 上年同期, 同比增长(%), 年度目标,
    /// 完成率), footnotes — or a table with regions as columns (甲镇, 乙乡, 合计). UTF-8 with or
    /// without a BOM, or GBK; comma, tab or semicolon (sniffed unless [`crate::WideOptions::delimiter`]).
    ///
    /// The region, period and unit come from the title ("XX县2023年1-10月主要经济指标完成情况",
    /// "单位：万元") unless the options name them. 本月 is the period's last month, 累计 the period
    /// to date, 上年同期 the same period last year; a published growth and the target go with the
    /// period to date; a published 完成率 is checked against them (a bad row when it disagrees); a
    /// footnote "注：地区生产总值为前三季度数据" gives that indicator its own period. Bare numbers
    /// take the row's 计量单位, else the header's ("本月(万元)"), else the title's; "47149万" takes
    /// the indicator's unit; "—", "-", "…" and "/" are figures not published. See
    /// [`Table::inspect_wide_csv`] for what the reader makes of a file.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::MissingColumn`] when no header row is found in the first 30 rows (the
    /// message quotes the first rows and names the headers accepted);
    /// [`crate::ErrorKind::NotFound`] when neither the file nor the options give the period (or,
    /// without regions as columns, the region); I/O and encoding errors; in strict mode the first
    /// bad row. Otherwise bad cells are returned located at their line and column, the rest kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "XX县2023年1-10月主要经济指标完成情况\n\
    ///            指标名称,计量单位,本月,1-本月累计,上年同期累计,累计增长(%),年度目标,完成年度目标%\n\
    ///            固定资产投资(不含农户),万元,5120,47149,45695,6.6,56000,84.2\n\
    ///            一般公共预算收入,万元,—,6739,6410,5.1,8500,79.3\n";
    /// let (t, bad) = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new())?;
    /// assert!(bad.is_empty(), "{bad:?}");
    /// let p = "2023年1—10月".parse()?;
    /// assert_eq!(t.growth("XX县", "一般公共预算收入", &p)?.to_string(), "增长5.1%");
    /// assert_eq!(t.get("XX县", "fai", &"2023年10月".parse()?).unwrap().value().to_string(), "5120万元");
    /// assert_eq!(t.completion("XX县", "固定资产投资", &p)?.to_string(), "84.2%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_wide_csv<R: Read>(
        reader: R,
        options: &crate::WideOptions,
    ) -> Result<(Table, Vec<Error>)> {
        let grid = crate::io::grid::read_csv(reader, options.delimiter_given())?;
        crate::io::wide::read(grid, options)
    }

    /// What [`Table::read_wide_csv`] makes of a file, without reading its rows: the header line,
    /// region, period and unit (and where each came from), each column's meaning, and the periods
    /// footnotes give.
    ///
    /// # Errors
    ///
    /// As [`Table::read_wide_csv`] for the header.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称,甲镇,乙乡,合计\n社零,3亿元,2亿元,5亿元\n";
    /// let layout = Table::inspect_wide_csv(csv.as_bytes(), &WideOptions::new().region("示例县"))?;
    /// let columns: Vec<String> = layout.columns().map(|(h, what)| format!("{h}: {what}")).collect();
    /// assert_eq!(columns, ["指标名称: indicator", "甲镇: region 甲镇", "乙乡: region 乙乡", "合计: region 示例县"]);
    /// let err = Table::inspect_wide_csv("名称甲,名称乙\n".as_bytes(), &WideOptions::new()).unwrap_err();
    /// assert!(err.to_string().contains("指标名称/指标/项目"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn inspect_wide_csv<R: Read>(
        reader: R,
        options: &crate::WideOptions,
    ) -> Result<crate::WideLayout> {
        let grid = crate::io::grid::read_csv(reader, options.delimiter_given())?;
        crate::io::wide::inspect(&grid, options)
    }

    /// Reads a wide table from a sheet of a workbook (.xlsx, .xls, .ods; the first sheet unless
    /// [`crate::WideOptions::sheet`] names one), as [`Table::read_wide_csv`] reads CSV. Numeric
    /// cells are read exactly: the shortest decimal text of the cell's double, at the places its
    /// number format fixes (a "0.00" cell holding 6.6 is 6.60; a "0.0%" cell holding 0.066 is
    /// 6.6%), digits beyond them kept. Merged title cells are read as one; cells merged over the
    /// data are a bad row. Errors name the sheet and the cell ("sheet 月报, cell C5, column 本月").
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Spreadsheet`] when the file is not a workbook or has no such sheet;
    /// otherwise as [`Table::read_wide_csv`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let err = Table::read_xlsx("no/such/file.xlsx", &WideOptions::new()).unwrap_err();
    /// assert_eq!(err.kind(), tongji::ErrorKind::Spreadsheet);
    /// ```
    #[cfg(feature = "xlsx")]
    pub fn read_xlsx<P: AsRef<std::path::Path>>(
        path: P,
        options: &crate::WideOptions,
    ) -> Result<(Table, Vec<Error>)> {
        let grid = crate::io::workbook::read(path.as_ref(), options.sheet_name())?;
        crate::io::wide::read(grid, options)
    }

    /// What [`Table::read_xlsx`] makes of a sheet; see [`Table::inspect_wide_csv`].
    ///
    /// # Errors
    ///
    /// As [`Table::read_xlsx`] for the workbook and the header.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = tongji::Table::inspect_xlsx("no/such/file.xlsx", &tongji::WideOptions::new()).unwrap_err();
    /// assert!(err.to_string().starts_with("cannot read the workbook: no/such/file.xlsx"));
    /// ```
    #[cfg(feature = "xlsx")]
    pub fn inspect_xlsx<P: AsRef<std::path::Path>>(
        path: P,
        options: &crate::WideOptions,
    ) -> Result<crate::WideLayout> {
        let grid = crate::io::workbook::read(path.as_ref(), options.sheet_name())?;
        crate::io::wide::inspect(&grid, options)
    }

    /// Reads a long-format table (the columns of [`Table::read_csv`]) from a sheet of a workbook
    /// (the first one unless [`CsvOptions::sheet`] names one); title rows above the header are
    /// skipped. Cells are read as [`Table::read_xlsx`] reads them; errors name the sheet and cell.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Spreadsheet`] when the file is not a workbook or has no such sheet;
    /// [`crate::ErrorKind::MissingColumn`] when none of the first 30 rows is a header; in strict
    /// mode the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = tongji::Table::read_xlsx_long("no/such/file.xlsx", &tongji::CsvOptions::new()).unwrap_err();
    /// assert!(err.to_string().contains("no/such/file.xlsx"));
    /// ```
    #[cfg(feature = "xlsx")]
    pub fn read_xlsx_long<P: AsRef<std::path::Path>>(
        path: P,
        options: &CsvOptions,
    ) -> Result<(Table, Vec<Error>)> {
        let grid = crate::io::workbook::read(path.as_ref(), options.sheet_given())?;
        crate::io::observations::read_grid(&grid, options)
    }

    /// Writes the table as CSV in the long format it is read from, with Chinese headers
    /// (地区,指标,时期,数值,状态,同比增长,目标) and indicators by Chinese name. A figure read from
    /// text is written with every digit it was written with, so reading it back gives an equal
    /// value with equal digits; a computed one (a weighted 人均 of a roll-up) as it prints, so a
    /// round trip never changes what prints — or with every digit under
    /// [`WriteOptions::exact`].
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WriteOptions};
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,136.91亿元,4.1\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.write_csv(&mut out, &WriteOptions::new())?;
    /// assert_eq!(String::from_utf8(out)?, "地区,指标,时期,数值,状态,同比增长,目标\n示例县,地区生产总值,2023年,136.91亿元,实际,4.1%,\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, options: &WriteOptions) -> Result<()> {
        crate::io::observations::write(self, writer, options)
    }

    /// The catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Table::new();
    /// assert!(!t.catalog().get("gdp").unwrap().growth_from_levels());
    /// ```
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The number of observations.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n示例县,gdp,2023年,2亿元\n".as_bytes())?;
    /// assert_eq!((t.len(), bad.len()), (1, 1)); // the duplicate is not stored
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len() + self.inserted.len()
    }

    /// Whether the table is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes())?;
    /// assert!(t.is_empty() && bad[0].is_placeholder());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.inserted.is_empty()
    }

    /// The regions, in the order they first appeared.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n乙乡,gdp,2023年,1亿元\n甲镇,gdp,2023年,2亿元\n".as_bytes())?;
    /// assert_eq!(t.regions().collect::<Vec<_>>(), ["乙乡", "甲镇"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(String::as_str)
    }

    /// The observations, ordered by region (as first seen), indicator (catalog order) and period.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,retail,2023年,2亿元\n示例县,gdp,2023年,9亿元\n示例县,gdp,2022年,8亿元\n".as_bytes())?;
    /// let order: Vec<String> = t.iter().map(|o| format!("{} {}", o.indicator().code(), o.period())).collect();
    /// assert_eq!(order, ["gdp 2022年", "gdp 2023年", "retail 2023年"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = ObservationRef<'_>> {
        self.stored()
            .map(move |at| ObservationRef { table: self, at })
    }

    /// The rows in key order (region, indicator, period): the sorted ones and those inserted out
    /// of order, merged.
    fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        self.stored().map(|at| match at {
            At::Stored(i) => self.rows.row(i),
            At::Inserted(row) => *row,
        })
    }

    /// Where each row is, in key order.
    fn stored(&self) -> impl Iterator<Item = At<'_>> + '_ {
        let mut sorted = (0..self.rows.len()).peekable();
        let mut inserted = self.inserted.values().peekable();
        std::iter::from_fn(move || match (sorted.peek(), inserted.peek()) {
            (Some(&i), Some(b)) if packed(b.key()) < self.rows.key(i) => {
                inserted.next().map(At::Inserted)
            }
            (Some(_), _) => sorted.next().map(At::Stored),
            (None, _) => inserted.next().map(At::Inserted),
        })
    }

    /// Adds an observation.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnknownIndicator`] for an indicator not in the catalog;
    /// [`crate::ErrorKind::UnitMismatch`] for a value (or target) of the wrong dimension for its
    /// indicator; [`crate::ErrorKind::Empty`] for a blank region; [`crate::ErrorKind::Duplicate`]
    /// when the key is already there.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// let o = Observation::new("示例县", "gdp", "2023年".parse()?, "136.91亿元".parse()?);
    /// t.insert(o.clone())?;
    /// assert_eq!(t.insert(o).unwrap_err().to_string(), "duplicate observation 示例县 / 地区生产总值 / 2023年");
    /// assert!(t.insert(Observation::new("示例县", "gdp", "2022年".parse()?, "3万人次".parse()?)).unwrap_err().is_unit_mismatch());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, observation: Observation) -> Result<()> {
        let row = self
            .row_of(&Parsed::of(&observation), 0)
            .map_err(|(_, e)| e)?;
        if let Some(existing) = self.find(row.key()) {
            if row.target != NO_TARGET {
                self.targets.pop();
            }
            return Err(self.duplicate(&existing));
        }
        if self
            .rows
            .last_key()
            .is_none_or(|last| last < packed(row.key()))
        {
            self.rows.push(&row);
        } else {
            self.inserted.insert(row.key(), row);
            if self.inserted.len() >= self.rows.len().max(64) {
                self.merge_inserted();
            }
        }
        Ok(())
    }

    /// A table of `observations` with the built-in catalog, in one pass (sorted once, not
    /// inserted one by one); an indicator the catalog does not know is an ad-hoc entry, as the
    /// readers take it.
    ///
    /// # Errors
    ///
    /// The first observation the table refuses: a unit of the wrong dimension, a blank region, a
    /// duplicate key.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let t = Table::from_observations([
    ///     Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?),
    ///     Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?),
    /// ])?;
    /// assert_eq!(t.growth("示例县", "retail", &"2023年".parse()?)?.to_string(), "增长9.5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_observations(observations: impl IntoIterator<Item = Observation>) -> Result<Table> {
        let mut table = Table::new();
        for o in observations {
            let parsed = Parsed {
                ad_hoc: true,
                ..Parsed::of(&o)
            };
            table.push_parsed(&parsed, 0).map_err(|(_, e)| e)?;
        }
        match table.finish_loading().into_iter().next() {
            Some((_, e)) => Err(e),
            None => Ok(table),
        }
    }

    /// Checks a parsed observation against the catalog and appends it, unsorted; the reader calls
    /// [`Table::finish_loading`] once every row is in.
    pub(crate) fn push_parsed(
        &mut self,
        parsed: &Parsed<'_>,
        line: u64,
    ) -> Result<(), (Field, Error)> {
        let row = self.row_of(parsed, line)?;
        self.rows.push(&row);
        Ok(())
    }

    /// Builds a row: the indicator known, the value and target of its dimension, the region named.
    fn row_of(&mut self, p: &Parsed<'_>, line: u64) -> Result<Row, (Field, Error)> {
        let indicator = match self.indicator_index(p.indicator) {
            Ok(i) => i,
            Err(_) if p.ad_hoc && !p.indicator.trim().is_empty() => {
                let i = self
                    .catalog
                    .add_ad_hoc(p.indicator, p.value.unit(), p.value.magnitude());
                u32::try_from(i).map_err(|_| {
                    (
                        Field::Indicator,
                        Error::out_of_range("indicators", i, "at most 4294967295 indicators"),
                    )
                })?
            }
            Err(e) => return Err((Field::Indicator, e)),
        };
        let expected = self.catalog.at(indicator as usize).unit();
        p.value
            .same_dimension_as(expected)
            .map_err(|e| (Field::Value, e))?;
        if let Some(t) = p.target {
            t.same_dimension_as(expected)
                .map_err(|e| (Field::Target, e))?;
        }
        let line = u32::try_from(line).map_err(|_| {
            (
                Field::Key,
                Error::out_of_range("line", line, "a line number up to 4294967295"),
            )
        })?;
        let region = self
            .intern_region(p.region)
            .map_err(|e| (Field::Region, e))?;
        // Last, so that nothing fails after a target is stored.
        let target = match p.target {
            Some(t) => self.push_target(t).map_err(|e| (Field::Target, e))?,
            None => NO_TARGET,
        };
        Ok(Row {
            region,
            indicator,
            period: p.period,
            value: p.value,
            yoy: p.yoy,
            target,
            line,
            status: p.status,
            partial: p.partial,
        })
    }

    fn push_target(&mut self, target: Quantity) -> Result<u32> {
        let index = u32::try_from(self.targets.len())
            .ok()
            .filter(|i| *i != NO_TARGET)
            .ok_or_else(|| {
                Error::out_of_range(
                    "target count",
                    self.targets.len(),
                    "at most 4294967294 targets",
                )
            })?;
        self.targets.push(target);
        Ok(index)
    }

    /// The columns, for a reader that appends rows in column form.
    pub(crate) fn columns_mut(&mut self) -> &mut Columns {
        &mut self.rows
    }

    pub(crate) fn target_at(&self, index: u32) -> Option<Quantity> {
        self.targets.get(index as usize).copied()
    }

    pub(crate) fn region_name(&self, id: u32) -> &str {
        self.regions.get(id as usize).map_or("", String::as_str)
    }

    pub(crate) fn indicator_index(&self, key: &str) -> Result<u32> {
        self.catalog
            .index_of(key)
            .and_then(|i| u32::try_from(i).ok())
            .ok_or_else(|| Error::unknown_indicator(key.trim()))
    }

    pub(crate) fn intern_region(&mut self, region: &str) -> Result<u32> {
        let region = region.trim().trim_start_matches('\u{feff}').trim();
        if let Some(&id) = self.region_ids.get(region) {
            return Ok(id);
        }
        if region.is_empty() {
            return Err(Error::empty("the region"));
        }
        let id = u32::try_from(self.regions.len()).map_err(|_| {
            Error::out_of_range(
                "region count",
                self.regions.len(),
                "at most 4294967295 regions",
            )
        })?;
        self.regions.push(region.to_string());
        self.region_ids.insert(region.to_string(), id);
        Ok(id)
    }

    /// Sorts the rows a reader pushed and removes later duplicates, returning an error for each,
    /// located at its line.
    pub(crate) fn finish_loading(&mut self) -> Vec<(Field, Error)> {
        // Of two equal keys the earlier line sorts first and is kept (lines are unique within a
        // file). The keys are sorted, small, and the rows moved once into their places: sorting
        // the rows themselves moved each (a quantity and a rate with their intervals) many times.
        let inserted = std::mem::take(&mut self.inserted);
        for row in inserted.into_values() {
            self.rows.push(&row);
        }
        let duplicates = self.rows.sort();
        self.rows.shrink_to_fit();
        duplicates
            .into_iter()
            .map(|(first, dup)| {
                let e = self.duplicate(&first);
                let e = match dup.line {
                    0 => e,
                    line => e.at_line(u64::from(line), None),
                };
                (Field::Key, e)
            })
            .collect()
    }

    fn duplicate(&self, existing: &Row) -> Error {
        Error::duplicate(
            format_args!(
                "observation {} / {} / {}",
                self.region_name(existing.region),
                self.catalog.at(existing.indicator as usize).name(),
                existing.period
            ),
            (existing.line > 0).then_some(u64::from(existing.line)),
        )
    }

    fn find(&self, key: Key) -> Option<Row> {
        self.find_at(key)
            .map(|at| ObservationRef { table: self, at }.row())
    }

    fn find_at(&self, key: Key) -> Option<At<'_>> {
        match self.rows.search(packed(key)) {
            Ok(i) => Some(At::Stored(i)),
            Err(_) => self.inserted.get(&key).map(At::Inserted),
        }
    }

    /// Moves the rows inserted out of order into the sorted ones: one merge of two sorted runs.
    fn merge_inserted(&mut self) {
        let mut merged = Columns::default();
        merged.reserve(self.len());
        for row in self.rows() {
            merged.push(&row);
        }
        self.rows = merged;
        self.inserted.clear();
    }

    pub(crate) fn region_id(&self, region: &str) -> Option<u32> {
        self.region_ids.get(region.trim()).copied()
    }

    fn row(&self, region: &str, indicator: &str, period: &Period) -> Result<Row> {
        self.locate(region, indicator, period)
            .map(|at| ObservationRef { table: self, at }.row())
    }

    fn locate(&self, region: &str, indicator: &str, period: &Period) -> Result<At<'_>> {
        let ind = self.indicator_index(indicator)?;
        let missing = || {
            Error::not_found(format_args!(
                "{} of {} in {}",
                self.catalog.at(ind as usize).name(),
                region.trim(),
                period
            ))
        };
        let reg = self.region_id(region).ok_or_else(missing)?;
        self.find_at((reg, ind, *period)).ok_or_else(missing)
    }

    /// The observation for a region, indicator (code, name or alias) and period, if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年1—9月,100.2亿元\n".as_bytes())?;
    /// let o = t.get("示例县", "地区生产总值", &"2023年前三季度".parse()?).unwrap();
    /// assert_eq!(o.value().to_string(), "100.2亿元");
    /// assert!(t.get("示例县", "地区生产总值", &"2023年".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(
        &self,
        region: &str,
        indicator: &str,
        period: &Period,
    ) -> Option<ObservationRef<'_>> {
        self.locate(region, indicator, period)
            .ok()
            .map(|at| ObservationRef { table: self, at })
    }

    /// The year-on-year growth of an observation: published and recomputed, see [`Yoy`].
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the observation is not in the table;
    /// [`crate::ErrorKind::UnknownIndicator`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// assert_eq!(t.yoy("示例县", "retail", &"2023年".parse()?)?.to_string(), "增长9.5%（推算）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yoy(&self, region: &str, indicator: &str, period: &Period) -> Result<Yoy> {
        let row = self.row(region, indicator, period)?;
        Ok(self.yoy_of_row(&row))
    }

    /// [`Table::yoy`] of a stored observation.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,retail,2022年,110亿元\n示例县,retail,2023年,120.5亿元\n".as_bytes())?;
    /// let growth: Vec<String> = t.iter().map(|o| t.yoy_of(&o).to_string()).collect();
    /// assert_eq!(growth, ["—", "增长9.5%（推算）"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn yoy_of(&self, observation: &ObservationRef<'_>) -> Yoy {
        self.yoy_of_row(&observation.row())
    }

    fn yoy_of_row(&self, row: &Row) -> Yoy {
        let recomputable = self.catalog.at(row.indicator as usize).growth_from_levels();
        let recomputed = self
            .last_year(row)
            .and_then(|prev| crate::growth(&row.value, &prev.value).ok());
        Yoy::new(row.yoy, recomputed, recomputable)
    }

    /// The same observation of the same period last year (上年同期).
    fn last_year(&self, row: &Row) -> Option<Row> {
        let p = row.period.same_period_last_year().ok()?;
        self.find((row.region, row.indicator, p))
    }

    /// 同比增长 of an observation as a report prints it: the published rate, or — for indicators
    /// whose growth may be recomputed — the growth against the same period of last year.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the observation, or the prior-year one needed to
    /// recompute, is not there; [`crate::ErrorKind::NotRecomputable`] when nothing was published
    /// for an indicator whose growth is published only (GDP, 规上工业增加值, 固定资产投资).
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// assert_eq!(t.growth("示例县", "社会消费品零售总额", &"2023年".parse()?)?.to_string(), "增长9.5%");
    /// assert_eq!(t.growth("示例县", "社会消费品零售总额", &"2022年".parse()?).unwrap_err().to_string(),
    ///            "no 社会消费品零售总额 of 示例县 in 2021年 to compute growth");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "同比增长")]
    pub fn growth(&self, region: &str, indicator: &str, period: &Period) -> Result<Growth> {
        let row = self.row(region, indicator, period)?;
        let yoy = self.yoy_of_row(&row);
        yoy.growth().ok_or_else(|| {
            let ind = self.catalog.at(row.indicator as usize);
            if yoy.is_recomputable() {
                match period.same_period_last_year() {
                    Ok(p) => Error::not_found(format_args!(
                        "{} of {} in {p} to compute growth",
                        ind.name(),
                        region.trim()
                    )),
                    Err(_) => Error::not_found(format_args!("year before {period}")),
                }
            } else {
                Error::not_recomputable(ind.name())
            }
        })
    }

    /// The target of an observation: its own, or the annual target on the year's row.
    fn target_of(&self, row: &Row) -> Option<Quantity> {
        self.target_at(row.target).or_else(|| {
            let year = Period::year(row.period.calendar_year()).ok()?;
            self.target_at(self.find((row.region, row.indicator, year))?.target)
        })
    }

    /// 完成率 of an observation against its target (its own, or the annual target on the year's row).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the observation or the target is not there; the errors
    /// of [`completion`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例乡", "fai", "2023年".parse()?, "4.2亿元".parse()?).with_target("4.4亿元".parse()?))?;
    /// t.insert(Observation::new("示例乡", "fai", "2023年1—10月".parse()?, "46596万元".parse()?))?;
    /// assert_eq!(t.completion("示例乡", "fai", &"2023年1—10月".parse()?)?.to_string(), "105.9%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "完成率")]
    pub fn completion(&self, region: &str, indicator: &str, period: &Period) -> Result<Rate> {
        let row = self.row(region, indicator, period)?;
        let target = self.target_of(&row).ok_or_else(|| {
            Error::not_found(format_args!(
                "target for {} of {} in {}",
                self.catalog.at(row.indicator as usize).name(),
                region.trim(),
                period
            ))
        })?;
        completion(&row.value, &target)
    }

    /// 快于/慢于序时进度: completion − the share of the year elapsed at the period's end.
    ///
    /// # Errors
    ///
    /// As [`Table::completion`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例乡", "fai", "2023年1—10月".parse()?, "46596万元".parse()?).with_target("4.4亿元".parse()?))?;
    /// let gap = t.schedule_gap("示例乡", "fai", &"2023年1—10月".parse()?)?;
    /// assert_eq!(gap.to_string(), "快于序时进度22.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "序时进度")]
    pub fn schedule_gap(
        &self,
        region: &str,
        indicator: &str,
        period: &Period,
    ) -> Result<ScheduleGap> {
        let rate = self.completion(region, indicator, period)?;
        schedule_gap(&rate, &period.elapsed())
    }

    /// 占比 of an observation in its parent indicator (a sector's share of 地区生产总值).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the indicator has no parent or an observation is not
    /// there; the errors of [`share`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// let y: tongji::Period = "2023年".parse()?;
    /// t.insert(Observation::new("示例县", "地区生产总值", y, "136.91亿元".parse()?))?;
    /// t.insert(Observation::new("示例县", "第二产业增加值", y, "45.67亿元".parse()?))?;
    /// assert_eq!(t.share_of_parent("示例县", "第二产业增加值", &y)?.to_string(), "33.4%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "占比")]
    #[doc(alias = "比重")]
    pub fn share_of_parent(&self, region: &str, indicator: &str, period: &Period) -> Result<Rate> {
        let row = self.row(region, indicator, period)?;
        let ind = self.catalog.at(row.indicator as usize);
        let parent = ind
            .parent()
            .ok_or_else(|| Error::not_found(format_args!("parent indicator of {}", ind.name())))?;
        let parent_row = self.row(region, parent, period)?;
        share(&row.value, &parent_row.value)
    }
}

impl<'a> Parsed<'a> {
    /// The fields of an owned observation.
    fn of(o: &'a Observation) -> Parsed<'a> {
        Parsed {
            region: o.region(),
            indicator: o.indicator(),
            period: o.period(),
            value: o.value(),
            status: o.status(),
            yoy: o.yoy(),
            target: o.target(),
            partial: o.is_partial(),
            ad_hoc: false,
        }
    }
}

/// A table is a JSON array of its observations (see [`Observation`]), in key order; it is read
/// back with the built-in catalog, unknown indicators as ad-hoc entries.
///
/// ```
/// let csv = "地区,指标,时期,数值,同比增长\n示例县,retail,2023年,120.50亿元,9.5\n";
/// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
/// let json = serde_json::to_string(&t)?;
/// assert_eq!(json, r#"[{"region":"示例县","indicator":"retail","period":"2023年","value":"120.50亿元","status":"实际","yoy":"9.5%"}]"#);
/// let back: tongji::Table = serde_json::from_str(&json)?;
/// assert_eq!(serde_json::to_string(&back)?, json);
/// let sent = r#"[{"region":"示例县","indicator":"fai","period":"2023-10","value":47149,"unit":"万元"}]"#;
/// let t: tongji::Table = serde_json::from_str(sent)?;
/// assert_eq!(t.iter().next().unwrap().value().to_string(), "47149万元");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl serde::Serialize for Table {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|o| o.to_owned()))
    }
}

impl<'de> serde::Deserialize<'de> for Table {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Table, D::Error> {
        let observations = <Vec<Observation> as serde::Deserialize>::deserialize(deserializer)?;
        Table::from_observations(observations).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn obs(region: &str, ind: &str, period: &str, value: &str) -> Observation {
        Observation::new(region, ind, period.parse().unwrap(), value.parse().unwrap())
    }

    #[test]
    fn duplicates_name_both() {
        let mut t = Table::new();
        t.insert(obs("示例县", "gdp", "2023年", "1亿元")).unwrap();
        let err = t
            .insert(obs("示例县", "地区生产总值", "2023年", "2亿元"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate observation 示例县 / 地区生产总值 / 2023年"
        );
    }

    #[test]
    fn published_wins_and_forbidden_is_not_recomputed() {
        let mut t = Table::new();
        t.insert(obs("示例县", "gdp", "2022年", "1250亿元"))
            .unwrap();
        t.insert(obs("示例县", "gdp", "2023年", "1301亿元"))
            .unwrap();
        let p: Period = "2023年".parse().unwrap();
        assert_eq!(
            t.growth("示例县", "gdp", &p).unwrap_err().kind(),
            ErrorKind::NotRecomputable
        );
        let mut t2 = Table::new();
        t2.insert(obs("示例县", "gdp", "2022年", "1250亿元"))
            .unwrap();
        t2.insert(obs("示例县", "gdp", "2023年", "1301亿元").with_yoy("4.5%".parse().unwrap()))
            .unwrap();
        assert_eq!(
            t2.growth("示例县", "gdp", &p).unwrap().to_string(),
            "增长4.5%"
        );
        let y = t2.yoy("示例县", "gdp", &p).unwrap();
        assert_eq!(y.implied_nominal().unwrap().to_string(), "增长4.1%");
    }

    #[test]
    fn wrong_dimension_unknown_indicator_and_blank_region() {
        let mut t = Table::new();
        let kind = |t: &mut Table, o| t.insert(o).unwrap_err().kind();
        assert_eq!(
            kind(&mut t, obs("示例县", "gdp", "2023年", "3万人次")),
            ErrorKind::UnitMismatch
        );
        assert_eq!(
            kind(&mut t, obs("示例县", "无此指标", "2023年", "3万元")),
            ErrorKind::UnknownIndicator
        );
        assert_eq!(
            kind(&mut t, obs(" ", "gdp", "2023年", "3万元")),
            ErrorKind::Empty
        );
        assert!(t.is_empty());
    }
}
