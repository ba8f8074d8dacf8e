//! The indicator catalog: what each indicator is, its unit, how it aggregates, and whether its
//! growth may be recomputed from levels.

use crate::map::FastMap;
use crate::{Error, Magnitude, Result, Unit};

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
        })
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
    by_key: FastMap<String, usize>,
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
    /// let strict_catalog = CsvOptions::new().catalog(Catalog::empty());
    /// let (t, bad) = Table::read_csv_with("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes(), &strict_catalog)?;
    /// assert!(t.is_empty() && bad[0].is_unknown_indicator());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn empty() -> Catalog {
        Catalog {
            indicators: Vec::new(),
            by_key: FastMap::default(),
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
        let mut c = Catalog::empty();
        for i in builtin_indicators() {
            // The built-in list has unique codes, names and aliases (a unit test checks it).
            let _ = c.add(i);
        }
        c
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
        let keys: Vec<String> = [indicator.code.clone(), indicator.name.clone()]
            .into_iter()
            .chain(indicator.aliases.iter().cloned())
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

    /// Looks an indicator up by code, Chinese name or alias.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// assert_eq!(c.get("接待游客").unwrap().unit().to_string(), "人次");
    /// assert!(c.get("不存在的指标").is_none());
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Indicator> {
        self.index_of(key).map(|i| &self.indicators[i])
    }

    pub(crate) fn index_of(&self, key: &str) -> Option<usize> {
        self.by_key.get(key.trim()).copied()
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

    /// The indicators, in the order they were added.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = tongji::Catalog::builtin();
    /// let published_only: Vec<&str> = c.iter().filter(|i| !i.growth_from_levels()).map(|i| i.code()).collect();
    /// assert_eq!(published_only, ["gdp", "gdp_primary", "gdp_secondary", "gdp_tertiary", "industry_va", "industry_va_above", "fai"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter()
    }
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
    };
    let yuan = Unit::YUAN;
    vec![
        new("gdp", "地区生产总值", yuan, Yi, Flow)
            .with_growth_from_levels(false)
            .with_parts_complete(true)
            .with_alias("生产总值")
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
            .with_alias("固定资产投资额"),
        new("retail", "社会消费品零售总额", yuan, Yi, Flow),
        new("budget_revenue", "一般公共预算收入", yuan, Wan, Flow)
            .with_alias("地方一般公共预算收入"),
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
        .with_weight("urban_population"),
        new(
            "rural_income",
            "农村居民人均可支配收入",
            yuan,
            Ge,
            PerCapita,
        )
        .with_weight("rural_population"),
        new("urban_population", "城镇常住人口", Unit::PERSON, Wan, Stock),
        new("rural_population", "农村常住人口", Unit::PERSON, Wan, Stock),
        new("population", "常住人口", Unit::PERSON, Wan, Stock),
        new("tourists", "接待游客", Unit::PERSON_TIME, Wan, Flow)
            .with_alias("接待游客人次")
            .with_alias("旅游人次"),
        new("tourism_revenue", "旅游收入", yuan, Yi, Flow).with_alias("旅游综合收入"),
        new("grain_area", "粮食播种面积", Unit::MU, Wan, Flow),
        new("grain_output", "粮食产量", Unit::TONNE, Wan, Flow).with_alias("粮食总产量"),
        new("livestock_stock", "牲畜存栏", Unit::HEAD, Wan, Stock),
        new("livestock_slaughter", "牲畜出栏", Unit::HEAD, Wan, Flow),
        new("investment_attracted", "招商引资到位资金", yuan, Yi, Flow).with_alias("到位资金"),
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
