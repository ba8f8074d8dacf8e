//! One observation: region × indicator × period → value, with its status, published growth and
//! target.

use crate::{Period, Quantity, Rate};

/// How final a figure is (SDMX `OBS_STATUS`): 实际 (A), 预计 (E), 初步 (P), 核实 (verified
/// revision).
///
/// # Examples
///
/// ```
/// use tongji::Status;
/// assert_eq!("预计".parse::<Status>()?, Status::Estimated);
/// assert_eq!("E".parse::<Status>()?, Status::Estimated);
/// assert_eq!(Status::Preliminary.to_string(), "初步");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Status {
    /// 实际: an actual figure (SDMX A). The default.
    #[default]
    #[doc(alias = "实际")]
    Actual,
    /// 预计: an estimate (SDMX E).
    #[doc(alias = "预计")]
    Estimated,
    /// 初步: a preliminary figure (SDMX P).
    #[doc(alias = "初步")]
    Preliminary,
    /// 核实: a verified revision (the base next year's growth is computed on).
    #[doc(alias = "核实")]
    Verified,
}

crate::text::words! {
    /// The Chinese word, however the status was written.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Status;
    /// assert_eq!(Status::Verified.as_str(), "核实");
    /// assert_eq!("V".parse::<Status>()?.as_str(), "核实"); // from the SDMX-style letter
    /// assert_eq!("".parse::<Status>()?, Status::Actual); // an empty cell is 实际
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Status, "a status", "expected 实际, 预计, 初步 or 核实 (or A, E, P, V)",
    {
        Actual => "实际" | "" | "A" | "actual",
        Estimated => "预计" | "E" | "estimated",
        Preliminary => "初步" | "P" | "preliminary",
        Verified => "核实" | "V" | "verified",
    }
}

/// A figure of one indicator, for one region and period.
///
/// The published growth (`yoy`) is data, kept beside the level and never replaced by a recomputed
/// one. The target is the period's (for a year-to-date row, usually the annual target).
///
/// # Examples
///
/// ```
/// use tongji::{Observation, Status};
/// let o = Observation::new("示例县", "社会消费品零售总额", "2023年".parse()?, "120.5亿元".parse()?)
///     .with_status(Status::Estimated)
///     .with_yoy("9.5%".parse()?);
/// assert_eq!(o.region(), "示例县");
/// assert_eq!(o.yoy().unwrap().to_string(), "9.5%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RawObservation")]
pub struct Observation {
    region: String,
    indicator: String,
    period: Period,
    value: Quantity,
    #[serde(default)]
    status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    yoy: Option<Rate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<Quantity>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    partial: bool,
}

/// An observation as JSON may send it: the value (and target) as a figure with its unit
/// ("47149万元"), or as a bare number with a separate `unit` ("万元").
#[derive(serde::Deserialize)]
struct RawObservation {
    region: String,
    indicator: String,
    period: Period,
    #[serde(deserialize_with = "owned_text")]
    value: String,
    #[serde(default)]
    unit: Option<crate::UnitSpec>,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    yoy: Option<Rate>,
    #[serde(default, deserialize_with = "optional_text")]
    target: Option<String>,
    #[serde(default)]
    partial: bool,
}

fn owned_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    crate::text::text_or_number(d).map(std::borrow::Cow::into_owned)
}

fn optional_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    owned_text(d).map(Some)
}

/// A figure from its text, a bare number taking `unit`.
fn figure(text: &str, unit: Option<crate::UnitSpec>) -> crate::Result<Quantity> {
    match (crate::text::number::parse_decimal(text, "a number"), unit) {
        (Ok(n), Some(u)) => Quantity::written(n, u.magnitude(), u.unit(), None),
        _ => text.parse(),
    }
}

impl TryFrom<RawObservation> for Observation {
    type Error = crate::Error;

    fn try_from(raw: RawObservation) -> crate::Result<Observation> {
        let value = figure(&raw.value, raw.unit)?;
        let target = raw.target.map(|t| figure(&t, raw.unit)).transpose()?;
        Ok(Observation {
            region: raw.region,
            indicator: raw.indicator,
            period: raw.period,
            value,
            status: raw.status,
            yoy: raw.yoy,
            target,
            partial: raw.partial,
        })
    }
}

impl Observation {
    /// An actual observation with no published growth and no target. `indicator` is a catalog
    /// code or name.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Status, Table};
    /// let o = Observation::new(" 示例县 ", "生产总值", "2023年".parse()?, "136.91亿元".parse()?);
    /// assert_eq!((o.region(), o.indicator(), o.status()), ("示例县", "生产总值", Status::Actual));
    /// let mut t = Table::new();
    /// t.insert(o)?; // the table resolves 生产总值 to the catalog's 地区生产总值
    /// assert_eq!(t.iter().next().unwrap().indicator().code(), "gdp");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(region: &str, indicator: &str, period: Period, value: Quantity) -> Observation {
        Observation {
            region: region.trim().to_string(),
            indicator: indicator.trim().to_string(),
            period,
            value,
            status: Status::Actual,
            yoy: None,
            target: None,
            partial: false,
        }
    }

    /// With a status.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Status};
    /// let o = Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?).with_status(Status::Preliminary);
    /// assert_eq!(o.status(), Status::Preliminary);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_status(self, status: Status) -> Observation {
        Observation { status, ..self }
    }

    /// With a published year-on-year growth rate.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例县", "gdp", "2023年".parse()?, "136.91亿元".parse()?).with_yoy("4.1%".parse()?))?;
    /// // GDP growth cannot be recomputed from levels: only the published rate can be printed.
    /// assert_eq!(t.growth("示例县", "gdp", &"2023年".parse()?)?.to_string(), "增长4.1%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_yoy(self, yoy: Rate) -> Observation {
        Observation {
            yoy: Some(yoy),
            ..self
        }
    }

    /// With a target for the period (an annual target on a year or year-to-date row).
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new("示例县", "fai", "2023年1—10月".parse()?, "46596万元".parse()?)
    ///     .with_target("4.4亿元".parse()?);
    /// assert_eq!(o.target().unwrap().to_string(), "4.4亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_target(self, target: Quantity) -> Observation {
        Observation {
            target: Some(target),
            ..self
        }
    }

    pub(crate) fn with_partial(self, partial: bool) -> Observation {
        Observation { partial, ..self }
    }

    /// The region (示例县, 甲镇 …).
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new(" 甲镇 ", "gdp", "2023年".parse()?, "1亿元".parse()?);
    /// assert_eq!(o.region(), "甲镇"); // trimmed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The indicator as given (a code or a name); a [`crate::Table`] gives back codes.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Observation;
    /// let by_alias = Observation::new("甲镇", "社零", "2023年".parse()?, "1亿元".parse()?);
    /// assert_eq!(by_alias.indicator(), "社零"); // as given; a table checks it against its catalog
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn indicator(&self) -> &str {
        &self.indicator
    }

    /// The period.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new("甲镇", "gdp", "2023年1至9月".parse()?, "1亿元".parse()?);
    /// assert_eq!(o.period(), "2023年前三季度".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }

    /// The value.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new("甲镇", "gdp", "2023年".parse()?, "1.20亿元".parse()?);
    /// assert_eq!(o.value().to_string(), "1.20亿元"); // the written digits, trailing zero too
    /// assert_eq!(o.value(), "12000万元".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> Quantity {
        self.value
    }

    /// The status.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Status};
    /// let o = Observation::new("甲镇", "gdp", "2023年".parse()?, "1亿元".parse()?);
    /// assert_eq!(o.status(), Status::Actual);
    /// assert_eq!(o.with_status("预计".parse()?).status(), Status::Estimated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The published year-on-year growth, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new("甲镇", "gdp", "2023年".parse()?, "1亿元".parse()?);
    /// assert!(o.yoy().is_none()); // nothing published: a table may recompute it where allowed
    /// assert_eq!(o.with_yoy("-0.50%".parse()?).yoy().unwrap().to_string(), "-0.50%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn yoy(&self) -> Option<Rate> {
        self.yoy
    }

    /// The target, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = tongji::Observation::new("甲镇", "fai", "2023年1—10月".parse()?, "46596万元".parse()?);
    /// assert!(o.target().is_none());
    /// assert_eq!(o.with_target("4.4亿元".parse()?).target().unwrap().to_string(), "4.4亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target(&self) -> Option<Quantity> {
        self.target
    }

    /// Whether this is a partial sum (a roll-up that accepted missing children).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RollUp, Table};
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值\n甲镇,retail,2023年,1亿元\n乙乡,retail,2022年,1亿元\n".as_bytes())?;
    /// let up = t.roll_up("全县", &["甲镇", "乙乡"], RollUp::new().accept_partial(true))?;
    /// assert!(up.iter().all(|o| o.is_partial())); // each year lacks one of the two towns
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_partial(&self) -> bool {
        self.partial
    }
}
