//! How readers read and writers write.

use crate::{Catalog, Rounding, RoundingMode};

/// How the CSV readers read: leniently (bad rows reported, good rows kept) or strictly, and
/// against which catalog.
///
/// # Examples
///
/// ```
/// use tongji::{CsvOptions, Table};
/// let csv = "地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n示例县,gdp,2022年,130亿元\n";
/// let strict = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().strict(true));
/// assert!(strict.unwrap_err().is_placeholder());
/// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new())?;
/// assert_eq!((t.len(), bad.len()), (1, 1)); // the good row is kept
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct CsvOptions {
    strict: bool,
    strict_catalog: bool,
    catalog: Catalog,
    delimiter: Option<u8>,
    region: Option<String>,
    period: Option<crate::Period>,
    #[cfg_attr(
        not(feature = "xlsx"),
        allow(dead_code, reason = "read by the workbook reader")
    )]
    sheet: Option<String>,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions::new()
    }
}

impl CsvOptions {
    /// Lenient, with the built-in catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::CsvOptions::new();
    /// assert!(!o.is_strict());
    /// ```
    #[must_use]
    pub fn new() -> CsvOptions {
        CsvOptions {
            strict: false,
            strict_catalog: false,
            catalog: Catalog::builtin(),
            delimiter: None,
            region: None,
            period: None,
            sheet: None,
        }
    }

    /// Strict: fail on the first bad row instead of collecting it.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Ledger};
    /// let csv = "领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,完工\n";
    /// let err = Ledger::read_csv_with(csv.as_bytes(), &CsvOptions::new().strict(true)).unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.column()), Some("状态"));
    /// ```
    #[must_use]
    pub fn strict(self, yes: bool) -> CsvOptions {
        CsvOptions {
            strict: yes,
            ..self
        }
    }

    /// Refuse indicators the catalog does not know (a bad row each) instead of taking them as
    /// ad-hoc entries ([`crate::Indicator::is_ad_hoc`]: the unit of their figures, no recomputed
    /// growth, marked in reports), which is the default.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "地区,指标,时期,数值\n示例县,茶叶产量,2023年,1250吨\n";
    /// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new())?;
    /// assert_eq!((t.len(), bad.len()), (1, 0));
    /// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().strict_catalog(true))?;
    /// assert!(t.is_empty() && bad[0].is_unknown_indicator());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn strict_catalog(self, yes: bool) -> CsvOptions {
        CsvOptions {
            strict_catalog: yes,
            ..self
        }
    }

    /// Whether indicators the catalog does not know are refused.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!tongji::CsvOptions::new().is_strict_catalog());
    /// ```
    #[must_use]
    pub fn is_strict_catalog(&self) -> bool {
        self.strict_catalog
    }

    /// Read indicators against `catalog` instead of the built-in one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, CsvOptions, Indicator, IndicatorKind, Magnitude, Table, Unit};
    /// let mut catalog = Catalog::builtin();
    /// catalog.add(Indicator::new("tea", "茶叶产量", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?)?;
    /// let csv = "地区,指标,时期,数值\n示例县,茶叶产量,2023年,1250吨\n";
    /// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().catalog(catalog))?;
    /// assert!(bad.is_empty());
    /// assert_eq!(t.iter().next().unwrap().indicator().code(), "tea");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalog(self, catalog: Catalog) -> CsvOptions {
        CsvOptions { catalog, ..self }
    }

    /// The field delimiter (sniffed among comma, tab and semicolon otherwise).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "地区;指标;时期;数值\n示例县;gdp;2023年;1亿元\n";
    /// let (t, _) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().delimiter(b';'))?;
    /// assert_eq!(t.len(), 1);
    /// let (t, _) = Table::read_csv("地区\t指标\t时期\t数值\n示例县\tgdp\t2023年\t1亿元\n".as_bytes())?;
    /// assert_eq!(t.len(), 1); // tab-separated, sniffed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn delimiter(self, delimiter: u8) -> CsvOptions {
        CsvOptions {
            delimiter: Some(delimiter),
            ..self
        }
    }

    /// The region of rows whose file has no 地区 column, or whose 地区 cell is blank.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "指标,时期,数值\ngdp,2023年,136.91亿元\n";
    /// let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().region("示例县"))?;
    /// assert!(bad.is_empty());
    /// assert_eq!(t.regions().collect::<Vec<_>>(), ["示例县"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(self, region: &str) -> CsvOptions {
        CsvOptions {
            region: Some(region.trim().to_string()),
            ..self
        }
    }

    /// The period of rows whose file has no 时期 column, or whose 时期 cell is blank.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// let csv = "地区,指标,数值\n示例县,gdp,136.91亿元\n";
    /// let (t, _) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().period("2023年".parse()?))?;
    /// assert!(t.get("示例县", "gdp", &"2023年".parse()?).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(self, period: crate::Period) -> CsvOptions {
        CsvOptions {
            period: Some(period),
            ..self
        }
    }

    /// The sheet of a workbook the long-format reader reads (the first one otherwise).
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::CsvOptions::new().sheet("数据");
    /// # let _ = o;
    /// ```
    #[must_use]
    pub fn sheet(self, name: &str) -> CsvOptions {
        CsvOptions {
            sheet: Some(name.to_string()),
            ..self
        }
    }

    pub(crate) fn reading(&self) -> super::records::Reading<'static> {
        super::records::Reading {
            strict: self.strict,
            delimiter: self.delimiter,
            supplied: &[],
            resume: None,
        }
    }

    pub(crate) fn region_given(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub(crate) fn period_given(&self) -> Option<crate::Period> {
        self.period
    }

    #[cfg_attr(
        not(feature = "xlsx"),
        allow(dead_code, reason = "read by the workbook reader")
    )]
    pub(crate) fn sheet_given(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// Whether the readers stop at the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{CsvOptions, Table};
    /// fn load(csv: &str, options: &CsvOptions) -> Result<usize, tongji::Error> {
    ///     let (t, bad) = Table::read_csv_with(csv.as_bytes(), options)?;
    ///     assert!(bad.is_empty() || !options.is_strict()); // strict never returns bad rows
    ///     Ok(t.len())
    /// }
    /// assert_eq!(load("地区,指标,时期,数值\n示例县,gdp,2023年,—\n", &CsvOptions::new())?, 0);
    /// assert!(load("地区,指标,时期,数值\n示例县,gdp,2023年,—\n", &CsvOptions::new().strict(true)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The catalog indicators are read against.
    pub(crate) fn catalog_of(&self) -> &Catalog {
        &self.catalog
    }
}

/// How the CSV writers write: a UTF-8 byte-order mark (so that Excel on Chinese Windows opens the
/// file as UTF-8), the delimiter, and how computed figures are rounded. Figures read from text are
/// always written as written; the rounding applies only to figures the crate computed (完成率,
/// recomputed growth), at `places` (1 unless set) by `rounding` (四舍五入 unless set).
///
/// # Examples
///
/// ```
/// use tongji::{RoundingMode, Table, WriteOptions};
/// let csv = "地区,指标,时期,数值,目标\n示例乡,fai,2023年1—10月,46596万元,4.4亿元\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// let report = t.report("示例乡", &"2023年1—10月".parse()?)?;
/// let mut out = Vec::new();
/// report.write_csv(&mut out, &WriteOptions::new().bom(true).delimiter(b';').places(2))?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("\u{feff}指标;本期;"));
/// assert!(text.contains(";105.90%;")); // 46596 / 44000, at 2 places
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    bom: bool,
    delimiter: u8,
    mode: RoundingMode,
    places: Option<u32>,
    exact: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions::new()
    }
}

impl WriteOptions {
    /// No BOM, comma-separated, computed figures at their default places, half away from zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WriteOptions};
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,136.91亿元\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.write_csv(&mut out, &WriteOptions::new())?;
    /// assert!(String::from_utf8(out)?.starts_with("地区,指标,")); // no BOM, commas
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new() -> WriteOptions {
        WriteOptions {
            bom: false,
            delimiter: b',',
            mode: RoundingMode::HalfAwayFromZero,
            places: None,
            exact: false,
        }
    }

    /// Write a UTF-8 byte-order mark first, for Excel.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut out = Vec::new();
    /// tongji::Ledger::new().write_csv(&mut out, &tongji::WriteOptions::new().bom(true))?;
    /// assert!(out.starts_with("\u{feff}".as_bytes()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn bom(self, yes: bool) -> WriteOptions {
        WriteOptions { bom: yes, ..self }
    }

    /// The field delimiter (b',' by default; b'\t' or b';' for other tools).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut out = Vec::new();
    /// tongji::Ledger::new().write_csv(&mut out, &tongji::WriteOptions::new().delimiter(b'\t'))?;
    /// assert!(String::from_utf8(out)?.starts_with("编号\t领域\t"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn delimiter(self, delimiter: u8) -> WriteOptions {
        WriteOptions { delimiter, ..self }
    }

    /// How computed figures are rounded (四舍五入 by default; GB/T 8170 half-even on request).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RoundingMode, Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值,目标\n示例乡,fai,2023年,1025万元,10000万元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let mut out = Vec::new();
    /// t.report("示例乡", &"2023年".parse()?)?.write_csv(&mut out, &WriteOptions::new().rounding(RoundingMode::HalfEven))?;
    /// assert!(String::from_utf8(out)?.contains(",10.2%,")); // 10.25 to even
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rounding(self, mode: RoundingMode) -> WriteOptions {
        WriteOptions { mode, ..self }
    }

    /// The decimal places of computed rates (1 by default).
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::WriteOptions::new().places(2);
    /// assert_ne!(o, tongji::WriteOptions::new());
    /// ```
    #[must_use]
    pub const fn places(self, places: u32) -> WriteOptions {
        WriteOptions {
            places: Some(places),
            ..self
        }
    }

    /// Write every digit of a computed figure ([`crate::Table::write_csv`]: a weighted 人均 of a
    /// roll-up, a computed growth) instead of the figure as it prints. Read back, such a cell is a
    /// figure written with all those digits, and prints them all; by default a CSV holds what a
    /// report prints, and a round trip never changes it. Figures read from text are written as
    /// written either way.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RollUp, Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值\n甲镇,城镇常住人口,2023年,3万人\n乙乡,城镇常住人口,2023年,6万人\n甲镇,城镇居民人均可支配收入,2023年,36209元\n乙乡,城镇居民人均可支配收入,2023年,33097元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let county = Table::from_observations(t.roll_up("示例县", &["甲镇", "乙乡"], RollUp::new())?)?;
    /// let (mut shown, mut exact) = (Vec::new(), Vec::new());
    /// county.write_csv(&mut shown, &WriteOptions::new())?;
    /// county.write_csv(&mut exact, &WriteOptions::new().exact(true))?;
    /// assert!(String::from_utf8(shown)?.contains(",34134元,"));           // (3 × 36209 + 6 × 33097) / 9
    /// assert!(String::from_utf8(exact)?.contains(",34134.333333333333333333333333元,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn exact(self, yes: bool) -> WriteOptions {
        WriteOptions { exact: yes, ..self }
    }

    pub(crate) fn is_exact(&self) -> bool {
        self.exact
    }

    pub(crate) fn has_bom(&self) -> bool {
        self.bom
    }

    pub(crate) fn delimiter_byte(&self) -> u8 {
        self.delimiter
    }

    /// The rounding of a computed figure whose default is `default_places`.
    pub(crate) fn rounding_for(&self, default_places: u32) -> Rounding {
        Rounding::new(self.places.unwrap_or(default_places)).with_mode(self.mode)
    }
}

/// How the wide-table readers read a 月报/快报 layout — one indicator a row, value columns such
/// as 本月, 1-本月累计, 上年同期, 同比增长(%), 年度目标 — or a table with regions as columns. What
/// the file does not say (its region, its period, its unit) is named here; what it does say in a
/// title row ("XX县2023年1-10月主要经济指标完成情况", "单位：万元") is read from it, and an option
/// given here wins over the file.
///
/// # Examples
///
/// ```
/// use tongji::{Table, WideOptions};
/// let csv = "指标名称\t本月\t1-本月累计\n全社会用电量\t3620万千瓦时\t35210万千瓦时\n";
/// let options = WideOptions::new().region("示例县").period("2023年10月".parse()?);
/// let (t, bad) = Table::read_wide_csv(csv.as_bytes(), &options)?; // tab-separated: sniffed
/// assert!(bad.is_empty());
/// assert_eq!(t.get("示例县", "全社会用电量", &"2023年1—10月".parse()?).unwrap().value().to_string(), "35210万千瓦时");
/// assert_eq!(t.get("示例县", "全社会用电量", &"2023年10月".parse()?).unwrap().value().to_string(), "3620万千瓦时");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct WideOptions {
    region: Option<String>,
    period: Option<crate::Period>,
    unit: Option<crate::UnitSpec>,
    delimiter: Option<u8>,
    sheet: Option<String>,
    csv: CsvOptions,
}

impl WideOptions {
    /// Lenient, the built-in catalog, region and period from the file, delimiter sniffed, the
    /// first sheet of a workbook.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::WideOptions::new();
    /// assert!(!o.is_strict());
    /// ```
    #[must_use]
    pub fn new() -> WideOptions {
        WideOptions::default()
    }

    /// The region of every row (the file's title may name another; this wins). In a table with
    /// regions as columns, the region of its 合计 column.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "XX县2023年1-10月主要经济指标\n指标名称,1-本月累计\n社零,18829万元\n";
    /// let (t, _) = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new().region("示例县"))?;
    /// assert_eq!(t.regions().collect::<Vec<_>>(), ["示例县"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(self, region: &str) -> WideOptions {
        WideOptions {
            region: Some(region.trim().to_string()),
            ..self
        }
    }

    /// The reporting period (本月 is its last month; 累计 runs from January to it).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称,累计,上年同期\n社零,18829万元,17563万元\n";
    /// let o = WideOptions::new().region("示例县").period("2023年1—10月".parse()?);
    /// let (t, _) = Table::read_wide_csv(csv.as_bytes(), &o)?;
    /// assert_eq!(t.growth("示例县", "社零", &"2023年1—10月".parse()?)?.to_string(), "增长7.2%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(self, period: crate::Period) -> WideOptions {
        WideOptions {
            period: Some(period),
            ..self
        }
    }

    /// The unit of bare numbers where neither a 计量单位 column, the header ("本月(万元)") nor a
    /// "单位：万元" line says one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称,累计\n社零,18829\n";
    /// let o = WideOptions::new().region("示例县").period("2023年1—10月".parse()?).unit("万元".parse()?);
    /// let (t, _) = Table::read_wide_csv(csv.as_bytes(), &o)?;
    /// assert_eq!(t.iter().next().unwrap().value().to_string(), "18829万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit(self, unit: crate::UnitSpec) -> WideOptions {
        WideOptions {
            unit: Some(unit),
            ..self
        }
    }

    /// The field delimiter of a CSV file (sniffed among comma, tab and semicolon otherwise).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称;累计\n社零;18829万元\n";
    /// let o = WideOptions::new().region("示例县").period("2023年".parse()?).delimiter(b';');
    /// assert_eq!(Table::read_wide_csv(csv.as_bytes(), &o)?.0.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn delimiter(self, delimiter: u8) -> WideOptions {
        WideOptions {
            delimiter: Some(delimiter),
            ..self
        }
    }

    /// The sheet of a workbook to read (the first one otherwise).
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::WideOptions::new().sheet("10月");
    /// assert_eq!(o.sheet_name(), Some("10月"));
    /// ```
    #[must_use]
    pub fn sheet(self, name: &str) -> WideOptions {
        WideOptions {
            sheet: Some(name.to_string()),
            ..self
        }
    }

    /// Strict: fail on the first bad row instead of collecting it.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称,累计\n社零,X万元\n";
    /// let o = WideOptions::new().region("示例县").period("2023年".parse()?);
    /// assert!(Table::read_wide_csv(csv.as_bytes(), &o.clone().strict(true)).unwrap_err().is_placeholder());
    /// assert_eq!(Table::read_wide_csv(csv.as_bytes(), &o)?.1.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn strict(self, yes: bool) -> WideOptions {
        WideOptions {
            csv: self.csv.clone().strict(yes),
            ..self
        }
    }

    /// Refuse indicators the catalog does not know instead of taking them as ad-hoc entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WideOptions};
    /// let csv = "指标名称,累计\n茶叶产量,1250吨\n";
    /// let o = WideOptions::new().region("示例县").period("2023年".parse()?);
    /// assert!(Table::read_wide_csv(csv.as_bytes(), &o.clone().strict_catalog(true))?.1[0].is_unknown_indicator());
    /// assert!(Table::read_wide_csv(csv.as_bytes(), &o)?.1.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn strict_catalog(self, yes: bool) -> WideOptions {
        WideOptions {
            csv: self.csv.clone().strict_catalog(yes),
            ..self
        }
    }

    /// Read indicators against `catalog` instead of the built-in one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Table, WideOptions};
    /// let o = WideOptions::new().region("示例县").period("2023年".parse()?).catalog(Catalog::empty());
    /// let (t, _) = Table::read_wide_csv("指标名称,累计\n社零,1万元\n".as_bytes(), &o)?;
    /// assert!(t.catalog().get("社零").unwrap().is_ad_hoc());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalog(self, catalog: Catalog) -> WideOptions {
        WideOptions {
            csv: self.csv.clone().catalog(catalog),
            ..self
        }
    }

    /// Whether the readers stop at the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::WideOptions::new().strict(true).is_strict());
    /// ```
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.csv.is_strict()
    }

    /// The sheet named, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::WideOptions::new().sheet_name(), None);
    /// ```
    #[must_use]
    pub fn sheet_name(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    pub(crate) fn csv_options(&self) -> &CsvOptions {
        &self.csv
    }

    pub(crate) fn region_name(&self) -> Option<&str> {
        self.region.as_deref()
    }

    pub(crate) fn period_given(&self) -> Option<crate::Period> {
        self.period
    }

    pub(crate) fn unit_given(&self) -> Option<crate::UnitSpec> {
        self.unit
    }

    pub(crate) fn delimiter_given(&self) -> Option<u8> {
        self.delimiter
    }
}
