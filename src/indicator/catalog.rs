//! The indicator catalog: what each indicator is, its unit, how it aggregates, and whether its
//! growth may be recomputed from levels.

use std::borrow::Cow;

use crate::{Error, Magnitude, Result, Unit};
use std::collections::HashMap;

/// What kind of figure an indicator is, which decides how it aggregates.
///
/// # Examples
///
/// ```
/// use tongji::{Catalog, IndicatorKind};
/// let c = Catalog::builtin();
/// assert_eq!(c.get("社会消费品零售总额").unwrap().kind(), IndicatorKind::Flow);
/// assert_eq!(c.get("城镇居民人均可支配收入").unwrap().kind(), IndicatorKind::PerCapita);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum IndicatorKind {
    /// A flow over the period (产值, 收入, 投资): summed across regions and across months.
    Flow,
    /// A stock at the period's end (存栏, 人口): summed across regions, never across months.
    Stock,
    /// A ratio of two other indicators: recomputed from them, never averaged.
    Ratio,
    /// A per-capita figure (人均可支配收入): recomputed with population weights, never averaged.
    PerCapita,
}

/// One catalog entry.
///
/// # Examples
///
/// ```
/// use tongji::Catalog;
/// let gdp = Catalog::builtin().get("gdp").unwrap().clone();
/// assert_eq!(gdp.name(), "地区生产总值");
/// assert!(!gdp.growth_from_levels()); // published at comparable prices
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Indicator {
    code: String,
    name: String,
    aliases: Vec<String>,
    unit: Unit,
    magnitude: Magnitude,
    kind: IndicatorKind,
    growth_from_levels: bool,
    parent: Option<String>,
    weight: Option<String>,
    #[serde(default)]
    parts_complete: bool,
    /// Not in any catalog: taken from a table as it was written.
    #[serde(default)]
    ad_hoc: bool,
}

impl Indicator {
    /// A new indicator: a stable `code`, its Chinese `name`, the `unit` and `magnitude` it is
    /// published in, and its kind. Growth may be recomputed from levels unless
    /// [`Indicator::with_growth_from_levels`] says otherwise.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`] when the code or name is blank.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Indicator, IndicatorKind, Magnitude, Unit};
    /// let i = Indicator::new("tea_output", " 茶叶产量 ", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?;
    /// assert_eq!((i.code(), i.name()), ("tea_output", "茶叶产量"));
    /// assert_eq!(Indicator::new("x", " ", Unit::TONNE, Magnitude::One, IndicatorKind::Flow).unwrap_err().to_string(),
    ///            "the indicator name is empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        code: &str,
        name: &str,
        unit: Unit,
        magnitude: Magnitude,
        kind: IndicatorKind,
    ) -> Result<Indicator> {
        if code.trim().is_empty() {
            return Err(Error::empty("the indicator code"));
        }
        if name.trim().is_empty() {
            return Err(Error::empty("the indicator name"));
        }
        Ok(Indicator {
            code: code.trim().to_string(),
            name: name.trim().to_string(),
            aliases: Vec::new(),
            unit,
            magnitude,
            kind,
            growth_from_levels: true,
            parent: None,
            weight: None,
            parts_complete: false,
            ad_hoc: false,
        })
    }

    /// An indicator a table names that no catalog knows, taken as written: its name is its code,
    /// its unit the one its figure has, and its growth is never recomputed (nothing says on what
    /// basis it is published).
    pub(crate) fn ad_hoc(name: &str, unit: Unit, magnitude: Magnitude) -> Indicator {
        Indicator {
            code: name.trim().to_string(),
            name: name.trim().to_string(),
            aliases: Vec::new(),
            unit,
            magnitude,
            kind: IndicatorKind::Flow,
            growth_from_levels: false,
            parent: None,
            weight: None,
            parts_complete: false,
            ad_hoc: true,
        }
    }

    /// Whether the indicator came from a table rather than a catalog (目录外指标): a reader that
    /// accepts unknown indicators adds them so, with the unit of their figures; their growth is
    /// never recomputed, and reports mark them.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值\n示例县,茶叶产量,2023年,1250吨\n";
    /// let (t, bad) = tongji::Table::read_csv(csv.as_bytes())?;
    /// assert!(bad.is_empty());
    /// let tea = t.catalog().get("茶叶产量").unwrap();
    /// assert!(tea.is_ad_hoc() && !tea.growth_from_levels());
    /// assert!(!t.catalog().get("gdp").unwrap().is_ad_hoc());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    #[doc(alias = "目录外指标")]
    pub fn is_ad_hoc(&self) -> bool {
        self.ad_hoc
    }

    /// The other names the indicator is known by.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert!(c.get("fai").unwrap().aliases().iter().any(|a| a == "固定资产投资(不含农户)"));
    /// ```
    #[must_use]
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// Whether growth may be recomputed from levels. `false` when growth is published at
    /// comparable prices or on a comparable coverage (工业增加值, 固定资产投资): a recomputed figure
    /// is then only "implied nominal", never printed as the growth.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Observation, Table, Unit};
    /// let va = Indicator::new("va", "建筑业增加值", Unit::YUAN, Magnitude::HundredMillion, IndicatorKind::Flow)?
    ///     .with_growth_from_levels(false);
    /// let mut c = Catalog::empty();
    /// c.add(va)?;
    /// let mut t = Table::with_catalog(c);
    /// t.insert(Observation::new("示例县", "va", "2022年".parse()?, "10亿元".parse()?))?;
    /// t.insert(Observation::new("示例县", "va", "2023年".parse()?, "11亿元".parse()?))?;
    /// assert_eq!(t.yoy("示例县", "va", &"2023年".parse()?)?.to_string(), "增长10.0%（现价推算）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_growth_from_levels(self, yes: bool) -> Indicator {
        Indicator {
            growth_from_levels: yes,
            ..self
        }
    }

    /// The indicator this one is a part of (a sector of 地区生产总值), for shares.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Observation, Table, Unit};
    /// let mut c = Catalog::builtin();
    /// c.add(Indicator::new("tea", "茶叶产值", Unit::YUAN, Magnitude::TenThousand, IndicatorKind::Flow)?.with_parent("gdp_primary"))?;
    /// let mut t = Table::with_catalog(c);
    /// let y: tongji::Period = "2023年".parse()?;
    /// t.insert(Observation::new("示例县", "第一产业增加值", y, "8.44亿元".parse()?))?;
    /// t.insert(Observation::new("示例县", "茶叶产值", y, "21100万元".parse()?))?;
    /// assert_eq!(t.share_of_parent("示例县", "茶叶产值", &y)?.to_string(), "25.0%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_parent(self, parent: &str) -> Indicator {
        Indicator {
            parent: Some(parent.to_string()),
            ..self
        }
    }

    /// Whether the indicators whose parent this one is make all of it (三次产业 of 地区生产总值),
    /// so that an audit checks 总量 = Σ 分项; otherwise they are 其中 parts, and only Σ ≤ 总量 is
    /// checked.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{Rule, Verdict};
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Table, Unit};
    /// assert!(Catalog::builtin().get("gdp").unwrap().parts_complete());
    /// let mut c = Catalog::empty();
    /// c.add(Indicator::new("out", "农林牧渔业总产值", Unit::YUAN, Magnitude::TenThousand, IndicatorKind::Flow)?.with_parts_complete(true))?;
    /// c.add(Indicator::new("farm", "农业产值", Unit::YUAN, Magnitude::TenThousand, IndicatorKind::Flow)?.with_parent("out"))?;
    /// c.add(Indicator::new("other", "林牧渔业产值", Unit::YUAN, Magnitude::TenThousand, IndicatorKind::Flow)?.with_parent("out"))?;
    /// let csv = "地区,指标,时期,数值\n示例县,out,2023年,30000万元\n示例县,farm,2023年,21000万元\n示例县,other,2023年,8000万元\n";
    /// let (t, _) = Table::read_csv_with(csv.as_bytes(), &tongji::CsvOptions::new().catalog(c))?;
    /// let report = t.audit();
    /// let f = &report.findings()[0];
    /// assert_eq!((f.rule(), f.verdict(), f.expected_text()), (Rule::Sum, Verdict::Inconsistent, "29000万元"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_parts_complete(self, yes: bool) -> Indicator {
        Indicator {
            parts_complete: yes,
            ..self
        }
    }

    /// For a per-capita or ratio indicator: the indicator whose values weight it when regions are
    /// combined (the population for 人均 figures).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, RollUp, Table};
    /// // 城镇居民人均可支配收入 is weighted by 城镇常住人口 when towns roll up, never averaged.
    /// assert_eq!(Catalog::builtin().get("urban_income").unwrap().weight(), Some("urban_population"));
    /// let csv = "地区,指标,时期,数值\n甲镇,城镇居民人均可支配收入,2023年,40000元\n甲镇,城镇常住人口,2023年,3万人\n乙乡,城镇居民人均可支配收入,2023年,30000元\n乙乡,城镇常住人口,2023年,1万人\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let up = t.roll_up("全县", &["甲镇", "乙乡"], RollUp::new())?;
    /// assert_eq!(up.iter().find(|o| o.indicator() == "urban_income").unwrap().value().to_string(), "37500元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_weight(self, weight: &str) -> Indicator {
        Indicator {
            weight: Some(weight.to_string()),
            ..self
        }
    }

    /// Another name the indicator is known by ("财政支出" for "一般公共预算支出").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Unit};
    /// let mut c = Catalog::empty();
    /// c.add(Indicator::new("beds", "医疗卫生机构床位数", Unit::ITEM, Magnitude::One, IndicatorKind::Stock)?.with_alias("床位数"))?;
    /// assert_eq!(c.get("床位数").unwrap().code(), "beds");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_alias(mut self, alias: &str) -> Indicator {
        self.aliases.push(alias.to_string());
        self
    }

    /// The stable code (ASCII).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// // The same entry by its code, its name and an alias:
    /// assert_eq!(c.get("gdp").unwrap().code(), c.get("地区生产总值").unwrap().code());
    /// assert_eq!(c.get("生产总值").unwrap().code(), "gdp");
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The Chinese name.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\nA县,retail,2023年,12亿元\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.write_csv(&mut out, &tongji::WriteOptions::new())?; // files get the Chinese name
    /// assert!(String::from_utf8(out)?.contains("A县,社会消费品零售总额,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The unit it is published in.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Observation, Table};
    /// let c = Catalog::builtin();
    /// assert_eq!(c.get("接待游客").unwrap().unit().to_string(), "人次");
    /// // A value of another dimension is refused for it:
    /// let mut t = Table::new();
    /// assert!(t.insert(Observation::new("示例县", "接待游客", "2023年".parse()?, "74.2万元".parse()?)).unwrap_err().is_unit_mismatch());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The magnitude it is usually published in (亿 for 地区生产总值 at county level).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Magnitude};
    /// let c = Catalog::builtin();
    /// assert_eq!(c.get("gdp").unwrap().magnitude(), Magnitude::HundredMillion); // 亿元 at county level
    /// assert_eq!(c.get("固定资产投资").unwrap().magnitude(), Magnitude::TenThousand); // 万元
    /// ```
    #[must_use]
    pub fn magnitude(&self) -> Magnitude {
        self.magnitude
    }

    /// Flow, stock, ratio or per-capita.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, IndicatorKind, Table};
    /// assert_eq!(Catalog::builtin().get("牲畜存栏").unwrap().kind(), IndicatorKind::Stock);
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值\n示例县,牲畜存栏,2023年3月,2万头\n".as_bytes())?;
    /// assert!(t.cumulate("示例县", "牲畜存栏", 2023).is_err()); // a stock is not summed over months
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> IndicatorKind {
        self.kind
    }

    /// Whether growth may be recomputed from levels (no for GDP, 工业增加值, 固定资产投资).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert!(c.get("社会消费品零售总额").unwrap().growth_from_levels());
    /// assert!(!c.get("规上工业增加值").unwrap().growth_from_levels()); // comparable prices: published only
    /// ```
    #[must_use]
    pub fn growth_from_levels(&self) -> bool {
        self.growth_from_levels
    }

    /// The code of the indicator this one is a part of.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert_eq!(c.get("第三产业增加值").unwrap().parent(), Some("gdp"));
    /// assert_eq!(c.get("gdp").unwrap().parent(), None);
    /// ```
    #[must_use]
    pub fn parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }

    /// The code of the weighting indicator, for per-capita and ratio indicators.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert_eq!(c.get("农村居民人均可支配收入").unwrap().weight(), Some("rural_population"));
    /// assert_eq!(c.get("gdp").unwrap().weight(), None); // a flow is summed, not weighted
    /// ```
    #[must_use]
    pub fn weight(&self) -> Option<&str> {
        self.weight.as_deref()
    }

    /// Whether its children make all of it; see [`Indicator::with_parts_complete`].
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert!(c.get("地区生产总值").unwrap().parts_complete()); // 三次产业
    /// assert!(!c.get("一般公共预算支出").unwrap().parts_complete()); // 其中民生支出
    /// ```
    #[must_use]
    pub fn parts_complete(&self) -> bool {
        self.parts_complete
    }
}

/// The indicators a table knows, looked up by code, name or alias.
///
/// [`Catalog::builtin`] holds the indicators county reports print: 地区生产总值 and its three
/// sectors, 工业增加值, 规上工业增加值, 固定资产投资, 社会消费品零售总额, 一般公共预算收入,
/// 大口径财政收入, 一般公共预算支出, 民生支出, 城镇/农村居民人均可支配收入 (with their populations),
/// 接待游客, 旅游收入, 粮食播种面积, 粮食产量, 牲畜存栏, 牲畜出栏, 招商引资到位资金. More can be added at
/// run time.
///
/// # Examples
///
/// ```
/// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Unit};
/// let mut c = Catalog::builtin();
/// c.add(Indicator::new("tea_output", "茶叶产量", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?)?;
/// assert_eq!(c.get("茶叶产量").unwrap().code(), "tea_output");
/// assert!(c.add(Indicator::new("gdp", "重复", Unit::YUAN, Magnitude::HundredMillion, IndicatorKind::Flow)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    indicators: Vec<Indicator>,
    /// Keyed by names a file may bring (ad-hoc indicators): a collision-resistant hasher.
    by_key: HashMap<String, usize>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog::builtin()
    }
}

impl Catalog {
    /// A catalog with no indicators.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, CsvOptions, Table};
    /// let strict_catalog = CsvOptions::new().catalog(Catalog::empty()).strict_catalog(true);
    /// let (t, bad) = Table::read_csv_with("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes(), &strict_catalog)?;
    /// assert!(t.is_empty() && bad[0].is_unknown_indicator());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn empty() -> Catalog {
        Catalog {
            indicators: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    /// The built-in indicators (see the type's docs).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// for name in ["地区生产总值", "规上工业增加值", "社会消费品零售总额", "一般公共预算收入", "招商引资到位资金"] {
    ///     assert!(c.get(name).is_some(), "{name}");
    /// }
    /// ```
    #[must_use]
    pub fn builtin() -> Catalog {
        // Built once (its keys normalized once), then cloned: every reader starts from it.
        static BUILTIN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut c = Catalog::empty();
                for i in builtin_indicators() {
                    // The built-in list has unique codes, names and aliases (a unit test checks it).
                    let _ = c.add(i);
                }
                c
            })
            .clone()
    }

    /// Adds an indicator.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Duplicate`] when its code, name or an alias is already taken.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Unit};
    /// let mut c = Catalog::empty();
    /// c.add(Indicator::new("x", "某指标", Unit::ITEM, Magnitude::One, IndicatorKind::Flow)?)?;
    /// assert_eq!(c.len(), 1);
    /// let again = c.add(Indicator::new("y", "某指标", Unit::ITEM, Magnitude::One, IndicatorKind::Flow)?);
    /// assert_eq!(again.unwrap_err().to_string(), r#"duplicate catalog key "某指标""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, indicator: Indicator) -> Result<()> {
        let keys: Vec<String> = [indicator.code.as_str(), indicator.name.as_str()]
            .into_iter()
            .chain(indicator.aliases.iter().map(String::as_str))
            .map(|k| key_of(k).into_owned())
            .collect();
        if let Some(taken) = keys.iter().find(|k| self.by_key.contains_key(*k)) {
            return Err(Error::duplicate(format!("catalog key {taken:?}"), None));
        }
        let index = self.indicators.len();
        for k in keys {
            self.by_key.insert(k, index);
        }
        self.indicators.push(indicator);
        Ok(())
    }

    /// Looks an indicator up by code, Chinese name or alias, as a table writes it: spaces
    /// (also the ideographic one) ignored, fullwidth parentheses as halfwidth, and a leading
    /// "其中：", "#" or list number ("1.", "一、", "（一）") dropped.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert_eq!(c.get("接待游客").unwrap().unit().to_string(), "人次");
    /// for written in ["固定资产投资（不含农户）", "固定资产投资(不含农户)", "  其中：工业投资", "社零", "1.全社会用电量"] {
    ///     assert!(c.get(written).is_some(), "{written}");
    /// }
    /// assert!(c.get("不存在的指标").is_none());
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Indicator> {
        self.index_of(key).map(|i| &self.indicators[i])
    }

    pub(crate) fn index_of(&self, key: &str) -> Option<usize> {
        if let Some(&i) = self.by_key.get(key.trim()) {
            return Some(i);
        }
        self.by_key.get(key_of(key).as_ref()).copied()
    }

    /// Adds an indicator no catalog knows (see [`Indicator::is_ad_hoc`]), returning its index.
    pub(crate) fn add_ad_hoc(&mut self, name: &str, unit: Unit, magnitude: Magnitude) -> usize {
        let index = self.indicators.len();
        self.by_key.insert(key_of(name).into_owned(), index);
        self.indicators
            .push(Indicator::ad_hoc(name, unit, magnitude));
        index
    }

    pub(crate) fn at(&self, index: usize) -> &Indicator {
        &self.indicators[index]
    }

    /// The number of indicators.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, Indicator, IndicatorKind, Magnitude, Unit};
    /// let mut c = Catalog::builtin();
    /// let before = c.len();
    /// c.add(Indicator::new("tea", "茶叶产量", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?.with_alias("茶叶"))?;
    /// assert_eq!(c.len(), before + 1); // an indicator, however many names it has
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.indicators.len()
    }

    /// Whether the catalog has no indicators.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Catalog::empty().is_empty());
    /// assert!(!tongji::Catalog::default().is_empty()); // the default is the built-in catalog
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
    }

    /// Reads a catalog from CSV — the columns [`Catalog::write_csv`] writes, in any order — so
    /// that an office can keep its own list of indicators in a file it edits. A catalog is
    /// configuration: the first bad row fails the load, located at its line and column; a parent
    /// or weight must name an indicator of the file.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::MissingColumn`], a parse error of a cell (an unknown unit or kind),
    /// [`crate::ErrorKind::Duplicate`] for a name taken twice, [`crate::ErrorKind::NotFound`] for
    /// a parent or weight the file does not have.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, CsvOptions, Table};
    /// let file = "代码,名称,计量单位,类型,别名,上级,增速\n\
    ///             power,全社会用电量,万千瓦时,流量,用电量,,计算\n\
    ///             power_industry,工业用电量,万千瓦时,流量,,power,计算\n";
    /// let catalog = Catalog::read_csv(file.as_bytes())?;
    /// assert_eq!(catalog.get("用电量").unwrap().parent(), None);
    /// assert_eq!(catalog.get("工业用电量").unwrap().parent(), Some("power"));
    /// let bad = Catalog::read_csv("代码,名称,计量单位,类型\nx,某指标,万光年,流量\n".as_bytes()).unwrap_err();
    /// assert_eq!(bad.to_string(), r#"line 2, column 计量单位: unknown unit "光年" in "万光年""#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: std::io::Read>(reader: R) -> Result<Catalog> {
        crate::io::catalog::read(reader)
    }

    /// Writes the catalog as CSV (ad-hoc entries left out), to be edited and read back with
    /// [`Catalog::read_csv`].
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Catalog, WriteOptions};
    /// let mut out = Vec::new();
    /// Catalog::builtin().write_csv(&mut out, &WriteOptions::new())?;
    /// let text = String::from_utf8(out)?;
    /// assert!(text.starts_with("代码,名称,计量单位,类型,别名,上级,权重,增速,构成完整\n"));
    /// assert!(text.contains("\nelectricity,全社会用电量,万千瓦时,流量,用电量,,,计算,否\n"));
    /// assert_eq!(Catalog::read_csv(text.as_bytes())?, Catalog::builtin());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: std::io::Write>(
        &self,
        writer: W,
        options: &crate::WriteOptions,
    ) -> Result<()> {
        crate::io::catalog::write(self, writer, options)
    }

    /// The indicators, in the order they were added.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// let published_only: Vec<&str> = c.iter().filter(|i| !i.growth_from_levels()).map(|i| i.code()).collect();
    /// assert_eq!(&published_only[..7], ["gdp", "gdp_primary", "gdp_secondary", "gdp_tertiary", "industry_va", "industry_va_above", "fai"]);
    /// assert!(published_only.contains(&"fai_industry")); // 工业投资, like 固定资产投资
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter()
    }
}

/// An indicator name as the catalog compares it: see [`Catalog::get`].
pub(crate) fn key_of(name: &str) -> Cow<'_, str> {
    let t = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let t = strip_marker(t);
    let plain = t
        .chars()
        .all(|c| !c.is_whitespace() && c != '（' && c != '）');
    if plain {
        return Cow::Borrowed(t);
    }
    Cow::Owned(
        t.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect(),
    )
}

/// `name` without a leading "其中：", "#", "△" or list number ("1.", "1、", "一、", "（一）", "(1)").
fn strip_marker(name: &str) -> &str {
    let mut t = name;
    for prefix in ["其中：", "其中:", "其中", "#", "△", "＃"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start();
            break;
        }
    }
    const NUMERALS: &str = "0123456789一二三四五六七八九十";
    let numbered = |rest: &str| -> Option<usize> {
        let digits: usize = rest
            .chars()
            .take_while(|c| NUMERALS.contains(*c))
            .map(char::len_utf8)
            .sum();
        (digits > 0).then_some(digits)
    };
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(n) = numbered(rest) {
                if let Some(after) = rest[n..].strip_prefix(close) {
                    return after.trim_start();
                }
            }
        }
    }
    if let Some(n) = numbered(t) {
        for sep in ['.', '、', '．'] {
            if let Some(after) = t[n..].strip_prefix(sep) {
                // "1.5万" is not a numbered name: a list number is followed by a name.
                if after.chars().next().is_some_and(|c| !c.is_ascii_digit()) {
                    return after.trim_start();
                }
            }
        }
    }
    t
}

fn builtin_indicators() -> Vec<Indicator> {
    use IndicatorKind::{Flow, PerCapita, Stock};
    use Magnitude::{HundredMillion as Yi, One as Ge, TenThousand as Wan};
    let new = |code: &str, name: &str, u: Unit, m: Magnitude, k: IndicatorKind| Indicator {
        code: code.to_string(),
        name: name.to_string(),
        aliases: Vec::new(),
        unit: u,
        magnitude: m,
        kind: k,
        growth_from_levels: true,
        parent: None,
        weight: None,
        parts_complete: false,
        ad_hoc: false,
    };
    let yuan = Unit::YUAN;
    // Built-in spellings (a unit test checks that every one is known).
    let unit = |text: &str| Unit::lookup(text).unwrap_or(Unit::ITEM);
    let kwh = unit("千瓦时");
    vec![
        new("gdp", "地区生产总值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_parts_complete(true)
            .with_alias("生产总值")
            .with_alias("国内生产总值")
            .with_alias("GDP"),
        new("gdp_primary", "第一产业增加值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_parent("gdp")
            .with_alias("第一产业"),
        new("gdp_secondary", "第二产业增加值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_parent("gdp")
            .with_alias("第二产业"),
        new("gdp_tertiary", "第三产业增加值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_parent("gdp")
            .with_alias("第三产业"),
        new("industry_va", "工业增加值", yuan, Yi, Flow).with_growth_from_levels(false),
        new("industry_va_above", "规上工业增加值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_alias("规模以上工业增加值"),
        new("fai", "固定资产投资", yuan, Wan, Flow)
            .with_growth_from_levels(false)
            .with_alias("固定资产投资额")
            .with_alias("固定资产投资(不含农户)")
            .with_alias("固投"),
        new("retail", "社会消费品零售总额", yuan, Yi, Flow)
            .with_alias("社零")
            .with_alias("社会消费品零售额"),
        new("budget_revenue", "一般公共预算收入", yuan, Wan, Flow)
            .with_alias("地方一般公共预算收入")
            .with_alias("地方公共财政预算收入")
            .with_alias("公共财政预算收入"),
        new("fiscal_revenue_total", "大口径财政收入", yuan, Wan, Flow),
        new("fiscal_spending", "一般公共预算支出", yuan, Wan, Flow).with_alias("财政支出"),
        new("livelihood_spending", "民生支出", yuan, Wan, Flow).with_parent("fiscal_spending"),
        new(
            "urban_income",
            "城镇居民人均可支配收入",
            yuan,
            Ge,
            PerCapita,
        )
        .with_weight("urban_population")
        .with_alias("城镇常住居民人均可支配收入"),
        new(
            "rural_income",
            "农村居民人均可支配收入",
            yuan,
            Ge,
            PerCapita,
        )
        .with_weight("rural_population")
        .with_alias("农村常住居民人均可支配收入"),
        new("urban_population", "城镇常住人口", Unit::PERSON, Wan, Stock),
        new("rural_population", "农村常住人口", Unit::PERSON, Wan, Stock),
        new("population", "常住人口", Unit::PERSON, Wan, Stock)
            .with_alias("年末常住人口")
            .with_alias("全国人口")
            .with_alias("总人口"),
        new("tourists", "接待游客", Unit::PERSON_TIME, Wan, Flow)
            .with_alias("接待游客人次")
            .with_alias("旅游人次"),
        new("tourism_revenue", "旅游收入", yuan, Yi, Flow).with_alias("旅游综合收入"),
        new("grain_area", "粮食播种面积", Unit::MU, Wan, Flow)
            .with_alias("粮食作物播种面积")
            .with_alias("粮食作物种植面积"),
        new("grain_output", "粮食产量", Unit::TONNE, Wan, Flow).with_alias("粮食总产量"),
        new("livestock_stock", "牲畜存栏", Unit::HEAD, Wan, Stock),
        new("livestock_slaughter", "牲畜出栏", Unit::HEAD, Wan, Flow),
        new("investment_attracted", "招商引资到位资金", yuan, Yi, Flow).with_alias("到位资金"),
        // Agriculture.
        new("agri_output", "农林牧渔业总产值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_alias("农林牧渔业产值")
            .with_alias("农林牧渔总产值"),
        new("agri_va", "农林牧渔业增加值", yuan, Yi, Flow).with_growth_from_levels(false),
        new("oil_crops", "油料产量", Unit::TONNE, Ge, Flow),
        new("vegetables", "蔬菜产量", Unit::TONNE, Wan, Flow).with_alias("蔬菜及食用菌产量"),
        new("meat", "肉类总产量", Unit::TONNE, Wan, Flow).with_alias("肉类产量"),
        new("hogs_slaughter", "生猪出栏", Unit::HEAD, Wan, Flow),
        new("hogs_stock", "生猪存栏", Unit::HEAD, Wan, Stock),
        // Industry and energy.
        new(
            "industry_output_above",
            "规模以上工业总产值",
            yuan,
            Yi,
            Flow,
        )
        .with_alias("规上工业总产值")
        .with_alias("规模以上工业产值"),
        new(
            "industry_revenue_above",
            "规模以上工业营业收入",
            yuan,
            Wan,
            Flow,
        )
        .with_alias("规上工业营业收入")
        .with_alias("规模以上工业企业营业收入"),
        new(
            "industry_profit_above",
            "规模以上工业利润总额",
            yuan,
            Wan,
            Flow,
        )
        .with_alias("规上工业利润总额")
        .with_alias("规模以上工业企业利润总额"),
        new(
            "industry_firms_above",
            "规模以上工业企业数",
            unit("家"),
            Ge,
            Stock,
        )
        .with_alias("规上工业企业数"),
        new("electricity", "全社会用电量", kwh, Wan, Flow).with_alias("用电量"),
        new("electricity_industry", "工业用电量", kwh, Wan, Flow).with_parent("electricity"),
        new(
            "electricity_residential",
            "城乡居民生活用电量",
            kwh,
            Wan,
            Flow,
        )
        .with_parent("electricity")
        .with_alias("居民生活用电量"),
        new("energy_use", "能源消费总量", unit("吨标准煤"), Wan, Flow).with_alias("综合能源消费量"),
        // Investment and construction.
        new("fai_industry", "工业投资", yuan, Wan, Flow)
            .with_growth_from_levels(false)
            .with_parent("fai"),
        new("fai_infrastructure", "基础设施投资", yuan, Wan, Flow)
            .with_growth_from_levels(false)
            .with_parent("fai")
            .with_alias("基础设施建设投资"),
        new("fai_private", "民间投资", yuan, Wan, Flow)
            .with_growth_from_levels(false)
            .with_parent("fai"),
        new("real_estate_investment", "房地产开发投资", yuan, Wan, Flow)
            .with_growth_from_levels(false)
            .with_parent("fai")
            .with_alias("房地产开发投资额"),
        new(
            "housing_sales_area",
            "商品房销售面积",
            unit("平方米"),
            Wan,
            Flow,
        ),
        new("housing_sales", "商品房销售额", yuan, Wan, Flow),
        new("construction_output", "建筑业总产值", yuan, Yi, Flow),
        // Consumption and services.
        new("retail_above", "限额以上消费品零售额", yuan, Wan, Flow)
            .with_parent("retail")
            .with_alias("限上消费品零售额")
            .with_alias("限额以上单位消费品零售额"),
        new(
            "services_revenue_above",
            "规模以上服务业营业收入",
            yuan,
            Wan,
            Flow,
        )
        .with_alias("规上服务业营业收入"),
        new("postal_business", "邮政业务总量", yuan, Wan, Flow),
        new("telecom_business", "电信业务总量", yuan, Wan, Flow),
        // Transport.
        new("freight_volume", "货物运输量", Unit::TONNE, Wan, Flow).with_alias("货运量"),
        new("freight_turnover", "货物周转量", unit("吨公里"), Wan, Flow),
        new("passenger_volume", "旅客运输量", Unit::PERSON, Wan, Flow).with_alias("客运量"),
        new(
            "passenger_turnover",
            "旅客周转量",
            unit("人公里"),
            Wan,
            Flow,
        ),
        // Public finance.
        new("tax_revenue", "税收收入", yuan, Wan, Flow).with_parent("budget_revenue"),
        new("non_tax_revenue", "非税收入", yuan, Wan, Flow).with_parent("budget_revenue"),
        // Finance (balances at the period's end).
        new("deposits", "金融机构人民币各项存款余额", yuan, Yi, Stock)
            .with_alias("金融机构各项存款余额")
            .with_alias("各项存款余额")
            .with_alias("存款余额"),
        new(
            "household_deposits",
            "城乡居民储蓄存款余额",
            yuan,
            Yi,
            Stock,
        )
        .with_parent("deposits")
        .with_alias("住户存款余额")
        .with_alias("居民储蓄存款余额"),
        new("loans", "金融机构人民币各项贷款余额", yuan, Yi, Stock)
            .with_alias("金融机构各项贷款余额")
            .with_alias("各项贷款余额")
            .with_alias("贷款余额"),
        // Foreign trade and investment.
        new("trade", "进出口总额", yuan, Wan, Flow).with_alias("外贸进出口总额"),
        new("exports", "出口总额", yuan, Wan, Flow)
            .with_parent("trade")
            .with_alias("出口额"),
        new("imports", "进口总额", yuan, Wan, Flow)
            .with_parent("trade")
            .with_alias("进口额"),
        new(
            "fdi",
            "实际利用外资",
            Unit::lookup("美元").unwrap_or(yuan),
            Wan,
            Flow,
        )
        .with_alias("实际使用外资")
        .with_alias("实际利用外资金额"),
        // Households and employment.
        new("income", "全体居民人均可支配收入", yuan, Ge, PerCapita)
            .with_weight("population")
            .with_alias("居民人均可支配收入"),
        new("new_urban_jobs", "城镇新增就业", Unit::PERSON, Ge, Flow)
            .with_alias("城镇新增就业人数"),
        new(
            "new_market_entities",
            "新登记市场主体",
            Unit::HOUSEHOLD,
            Ge,
            Flow,
        )
        .with_alias("新增市场主体"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_keys_are_unique() {
        let total_keys: usize = builtin_indicators()
            .iter()
            .map(|i| 2 + i.aliases.len())
            .sum();
        let c = Catalog::builtin();
        assert_eq!(c.by_key.len(), total_keys);
        assert_eq!(c.len(), builtin_indicators().len());
    }

    #[test]
    fn builtin_units_are_the_ones_named() {
        let c = Catalog::builtin();
        let unit = |code: &str| c.get(code).unwrap().unit().to_string();
        assert_eq!(unit("electricity"), "千瓦时");
        assert_eq!(unit("energy_use"), "吨标准煤");
        assert_eq!(unit("freight_turnover"), "吨公里");
        assert_eq!(unit("fdi"), "美元");
        assert_eq!(unit("industry_firms_above"), "家");
        assert_eq!(unit("housing_sales_area"), "平方米");
        assert!((40..=70).contains(&c.len()), "{}", c.len());
    }

    #[test]
    fn table_spellings_find_their_indicator() {
        let c = Catalog::builtin();
        for (written, code) in [
            ("固定资产投资(不含农户)", "fai"),
            ("固定资产投资（不含农户）", "fai"),
            ("　其中：工业投资", "fai_industry"),
            ("#民间投资", "fai_private"),
            ("（一）地区生产总值", "gdp"),
            ("3、社会消费品零售总额", "retail"),
            ("规上工业总产值", "industry_output_above"),
            ("城乡居民储蓄存款余额", "household_deposits"),
            // 酉阳县 2025年一季度 (youyang.gov.cn, 2025-05-22) writes these spellings.
            ("城镇常住居民人均可支配收入", "urban_income"),
            ("农村常住居民人均可支配收入", "rural_income"),
            ("农林牧渔总产值", "agri_output"),
            ("蔬菜及食用菌产量", "vegetables"),
            ("地区 生产 总值", "gdp"),
        ] {
            assert_eq!(c.get(written).map(Indicator::code), Some(code), "{written}");
        }
        assert_eq!(key_of("1.5万"), "1.5万");
        assert!(c.get("其中").is_none());
    }

    #[test]
    fn parents_and_weights_exist() {
        let c = Catalog::builtin();
        for i in c.iter() {
            for r in [i.parent(), i.weight()].into_iter().flatten() {
                assert!(c.get(r).is_some(), "{} refers to {r}", i.code());
            }
        }
    }

    #[test]
    fn published_only_is_as_the_methodology_says() {
        let c = Catalog::builtin();
        for code in [
            "gdp",
            "gdp_primary",
            "gdp_secondary",
            "gdp_tertiary",
            "industry_va",
            "industry_va_above",
            "fai",
        ] {
            assert!(!c.get(code).unwrap().growth_from_levels(), "{code}");
        }
        for code in [
            "retail",
            "budget_revenue",
            "fiscal_spending",
            "urban_income",
            "tourists",
            "tourism_revenue",
            "grain_output",
        ] {
            assert!(c.get(code).unwrap().growth_from_levels(), "{code}");
        }
    }
}
