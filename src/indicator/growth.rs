//! 同比增长 / 环比增长: growth between two levels, with the states reports use when the base is zero
//! or negative.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::text::number::normalize;
use crate::value::rounding::percent_of;
use crate::{Error, Multiple, PercentPoints, Quantity, Rate, Result, Rounding};

/// The growth of a level over its base: a rate, or — where a percentage means nothing — the state
/// reports print instead.
///
/// | previous | current | state |
/// |---|---|---|
/// | > 0 | any | [`Growth::Rate`] (cur − prev) × 100 / prev |
/// | 0 | > 0 | [`Growth::New`] 新增 |
/// | 0 | < 0 | [`Growth::NewLoss`] 新增亏损 |
/// | 0 | 0 | [`Growth::NotComputable`] |
/// | < 0 | ≥ 0 | [`Growth::TurnedProfit`] 扭亏为盈 |
/// | > 0 | < 0 | [`Growth::TurnedLoss`] 由盈转亏 (also a rate below −100%; the state wins) |
/// | < 0 | < 0 | [`Growth::LossNarrowed`] 减亏, [`Growth::LossWidened`] 增亏, or [`Growth::LossUnchanged`] 亏损持平 |
///
/// Display words it as a report does: "增长4.2%", "下降0.5%", "持平" (when the rate rounds to 0.0),
/// or the state word; `{:.2}` gives 2 places. [`Growth::to_text`] renders growth of 100% or more
/// as 倍 ("增长1.79倍") when asked.
///
/// # Examples
///
/// ```
/// use tongji::{growth, Growth, Quantity};
/// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长4.1%");
/// assert_eq!(growth(&"-20万元".parse()?, &"-50万元".parse()?)?, Growth::LossNarrowed);
/// assert_eq!(growth(&"5万元".parse()?, &"0万元".parse()?)?.to_string(), "新增");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Growth {
    /// An ordinary growth rate (negative for a fall).
    Rate(Rate),
    /// 新增: from zero to a positive level.
    New,
    /// 新增亏损: from zero to a negative level.
    NewLoss,
    /// 扭亏为盈: from a loss to zero or a profit.
    TurnedProfit,
    /// 由盈转亏: from a profit to a loss.
    TurnedLoss,
    /// 减亏: a smaller loss than before.
    LossNarrowed,
    /// 增亏: a larger loss than before.
    LossWidened,
    /// 亏损持平: the same loss as before.
    LossUnchanged,
    /// Both levels zero: no growth can be stated. Displays as "—".
    NotComputable,
}

/// 同比增长 (or 环比增长 against the previous period): `(current − previous) × 100 / previous`.
///
/// Both quantities must share a dimension; they may be in any magnitude or unit ("1.2亿元" against
/// "9800万元"). The rate is exact to 28 significant digits and is rounded only when displayed. A zero
/// or negative base gives a state instead of a number (see [`Growth`]).
///
/// Not every published growth can be recomputed from levels: GDP and 工业增加值 grow at comparable
/// prices while their levels are at current prices. See the indicator catalog.
///
/// # Errors
///
/// [`Error::UnitMismatch`] across dimensions; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::growth;
/// let g = growth(&"120.5亿元".parse()?, &"110亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长9.5%");
/// assert_eq!(growth(&"9.95万人次".parse()?, &"10万人次".parse()?)?.to_string(), "下降0.5%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn growth(current: &Quantity, previous: &Quantity) -> Result<Growth> {
    current.same_dimension(previous)?;
    growth_of(current.base_value(), previous.base_value())
}

/// Growth between two plain decimals in the same unit; the kernel of [`growth`].
pub(crate) fn growth_of(cur: Decimal, prev: Decimal) -> Result<Growth> {
    let zero = Decimal::ZERO;
    Ok(match (prev.cmp(&zero), cur.cmp(&zero)) {
        (std::cmp::Ordering::Equal, std::cmp::Ordering::Equal) => Growth::NotComputable,
        (std::cmp::Ordering::Equal, std::cmp::Ordering::Greater) => Growth::New,
        (std::cmp::Ordering::Equal, std::cmp::Ordering::Less) => Growth::NewLoss,
        (std::cmp::Ordering::Less, std::cmp::Ordering::Equal | std::cmp::Ordering::Greater) => {
            Growth::TurnedProfit
        }
        (std::cmp::Ordering::Greater, std::cmp::Ordering::Less) => Growth::TurnedLoss,
        (std::cmp::Ordering::Less, std::cmp::Ordering::Less) => match cur.abs().cmp(&prev.abs()) {
            std::cmp::Ordering::Less => Growth::LossNarrowed,
            std::cmp::Ordering::Greater => Growth::LossWidened,
            std::cmp::Ordering::Equal => Growth::LossUnchanged,
        },
        (std::cmp::Ordering::Greater, _) => {
            let diff = cur.checked_sub(prev).ok_or(Error::overflow("growth"))?;
            Growth::Rate(Rate::from_percent(percent_of(diff, prev, "growth")?))
        }
    })
}

/// Growth between two rates, in percentage points (增速 4.4% → 5.6%: 提高1.2个百分点).
///
/// # Errors
///
/// [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::percentage_points;
/// let pp = percentage_points(&"33.4%".parse()?, &"35.1%".parse()?)?;
/// assert_eq!(pp.change_wording(), "下降1.7个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn percentage_points(current: &Rate, previous: &Rate) -> Result<PercentPoints> {
    current.checked_sub(previous)
}

/// How a [`Growth`] is written: rounding, and whether a growth of 100% or more is written in 倍.
///
/// # Examples
///
/// ```
/// use tongji::{growth, GrowthFormat};
/// let g = growth(&"27.9亿元".parse()?, &"10亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长179.0%");
/// assert_eq!(g.to_text(&GrowthFormat::new().multiples(true)), "增长1.79倍");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrowthFormat {
    rounding: Rounding,
    multiples: bool,
    multiple_places: u32,
}

impl Default for GrowthFormat {
    fn default() -> Self {
        GrowthFormat::new()
    }
}

impl GrowthFormat {
    /// 1 decimal, half away from zero, no 倍.
    ///
    /// # Examples
    ///
    /// ```
    /// let f = tongji::GrowthFormat::new();
    /// assert_eq!(f, tongji::GrowthFormat::default());
    /// ```
    pub const fn new() -> GrowthFormat {
        GrowthFormat {
            rounding: Rounding::new(1),
            multiples: false,
            multiple_places: 2,
        }
    }

    /// Rounding of the percentage.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, GrowthFormat, Rounding};
    /// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
    /// assert_eq!(g.to_text(&GrowthFormat::new().rounding(Rounding::new(2))), "增长4.08%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rounding(self, rounding: Rounding) -> GrowthFormat {
        GrowthFormat { rounding, ..self }
    }

    /// Write growth of 100% or more as 倍 ("增长1.79倍" = +179%).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::GrowthFormat::new().multiples(true) != tongji::GrowthFormat::new());
    /// ```
    pub const fn multiples(self, yes: bool) -> GrowthFormat {
        GrowthFormat {
            multiples: yes,
            ..self
        }
    }

    /// Decimal places of a 倍 figure (default 2).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, GrowthFormat};
    /// let g = growth(&"27.9亿元".parse()?, &"10亿元".parse()?)?;
    /// assert_eq!(g.to_text(&GrowthFormat::new().multiples(true).multiple_places(1)), "增长1.8倍");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn multiple_places(self, places: u32) -> GrowthFormat {
        GrowthFormat {
            multiple_places: places,
            ..self
        }
    }
}

impl Growth {
    /// The rate, when there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, Growth};
    /// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
    /// assert_eq!(g.rate().unwrap().percent().to_string(), "4.08");
    /// assert_eq!(Growth::New.rate(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(&self) -> Option<Rate> {
        match self {
            Growth::Rate(r) => Some(*r),
            _ => None,
        }
    }

    /// The state word (新增, 扭亏为盈 …); `None` for a rate.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Growth::TurnedLoss.state_word(), Some("由盈转亏"));
    /// ```
    pub fn state_word(&self) -> Option<&'static str> {
        Some(match self {
            Growth::Rate(_) => return None,
            Growth::New => "新增",
            Growth::NewLoss => "新增亏损",
            Growth::TurnedProfit => "扭亏为盈",
            Growth::TurnedLoss => "由盈转亏",
            Growth::LossNarrowed => "减亏",
            Growth::LossWidened => "增亏",
            Growth::LossUnchanged => "亏损持平",
            Growth::NotComputable => "—",
        })
    }

    /// The growth written as a report writes it, in `format`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, GrowthFormat};
    /// let g = growth(&"99.96万元".parse()?, &"100万元".parse()?)?;
    /// assert_eq!(g.to_text(&GrowthFormat::new()), "持平");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_text(&self, format: &GrowthFormat) -> String {
        let Growth::Rate(rate) = self else {
            return self.state_word().unwrap_or_default().to_string();
        };
        let percent = rate.percent();
        if format.multiples && percent >= Decimal::ONE_HUNDRED {
            let rounding =
                Rounding::new(format.multiple_places).mode(format.rounding.rounding_mode());
            return format!(
                "增长{}",
                Multiple::from_decimal(rate.fraction()).rounded(rounding)
            );
        }
        let shown = format.rounding.apply(percent);
        if shown.is_zero() {
            "持平".to_string()
        } else if shown.is_sign_negative() {
            format!("下降{}%", shown.abs())
        } else {
            format!("增长{shown}%")
        }
    }
}

impl fmt::Display for Growth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let format = match f.precision() {
            Some(p) => GrowthFormat::new().rounding(Rounding::new(p as u32)),
            None => GrowthFormat::new(),
        };
        crate::text::pad(f, &self.to_text(&format))
    }
}

impl FromStr for Growth {
    type Err = Error;

    /// Parses what reports write: "增长4.2%", "同比增长4.2%", "下降0.5%", "增长-0.5%", "负增长0.5%",
    /// "持平", "增长1.79倍" (= +179%), "翻番"/"翻一番" (+100%), "翻两番" (+300%), and the state words.
    /// The rate keeps the digits as written.
    fn from_str(s: &str) -> Result<Growth> {
        let text: String = normalize(s)
            .into_iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        let text = text
            .strip_prefix("同比")
            .or_else(|| text.strip_prefix("环比"))
            .or_else(|| text.strip_prefix("比上年"))
            .unwrap_or(&text);
        let states = [
            Growth::New,
            Growth::NewLoss,
            Growth::TurnedProfit,
            Growth::TurnedLoss,
            Growth::LossNarrowed,
            Growth::LossWidened,
            Growth::LossUnchanged,
        ];
        if let Some(state) = states.into_iter().find(|g| g.state_word() == Some(text)) {
            return Ok(state);
        }
        let doubling = |percent: i64| {
            Ok(Growth::Rate(
                Rate::from_percent(Decimal::from(percent)).rounded(Rounding::new(0)),
            ))
        };
        match text {
            "—" => return Ok(Growth::NotComputable),
            "持平" => {
                return Ok(Growth::Rate(
                    Rate::from_percent(Decimal::ZERO).rounded(Rounding::new(1)),
                ));
            }
            "翻番" | "翻一番" => return doubling(100),
            "翻两番" => return doubling(300),
            _ => {}
        }
        let (negate, rest) = if let Some(r) = text.strip_prefix("负增长") {
            (true, r)
        } else if let Some(r) = text.strip_prefix("增长") {
            (false, r)
        } else if let Some(r) = text
            .strip_prefix("下降")
            .or_else(|| text.strip_prefix("减少"))
        {
            (true, r)
        } else if let Some(r) = text
            .strip_prefix("增加")
            .or_else(|| text.strip_prefix("提高"))
        {
            (false, r)
        } else {
            return Err(Error::Parse {
                input: s.to_string(),
                expected: "a growth",
                reason: "expected 增长, 下降, 持平 or a state word such as 新增",
                position: 0,
            });
        };
        let rate = if rest.ends_with('倍') {
            rest.parse::<Multiple>()?.as_growth()?
        } else {
            rest.parse::<Rate>()?
        };
        Ok(Growth::Rate(if negate { rate.negated() } else { rate }))
    }
}

impl Growth {
    /// The growth with all its digits, for serialization: "增长4.08%", "下降0.5%", or the state word.
    fn exact_text(&self) -> String {
        match self {
            Growth::Rate(r) if r.percent().is_sign_negative() && !r.percent().is_zero() => {
                format!("下降{}%", r.percent().abs())
            }
            Growth::Rate(r) => format!("增长{}%", r.percent()),
            other => other.state_word().unwrap_or_default().to_string(),
        }
    }
}

// Serialized with all digits, so a JSON round trip gives back the same rate.
crate::text::serde_via_text!(Growth, Growth::exact_text);

#[cfg(test)]
mod tests {
    use super::*;

    fn g(cur: &str, prev: &str) -> Growth {
        growth(&cur.parse().unwrap(), &prev.parse().unwrap()).unwrap()
    }

    #[test]
    fn every_state() {
        assert_eq!(g("5万元", "0万元"), Growth::New);
        assert_eq!(g("-5万元", "0万元"), Growth::NewLoss);
        assert_eq!(g("0万元", "0万元"), Growth::NotComputable);
        assert_eq!(g("0万元", "-5万元"), Growth::TurnedProfit);
        assert_eq!(g("3万元", "-5万元"), Growth::TurnedProfit);
        assert_eq!(g("-3万元", "5万元"), Growth::TurnedLoss);
        assert_eq!(g("-3万元", "-5万元"), Growth::LossNarrowed);
        assert_eq!(g("-8万元", "-5万元"), Growth::LossWidened);
        assert_eq!(g("-5万元", "-5万元"), Growth::LossUnchanged);
        assert_eq!(g("0万元", "5万元").to_string(), "下降100.0%");
        assert_eq!(g("-3万元", "5万元").to_string(), "由盈转亏");
        assert_eq!(g("0万元", "0万元").to_string(), "—");
    }

    #[test]
    fn wording_at_the_boundaries() {
        // previous 100: the growth in percent equals current − 100.
        for (cur, text) in [
            ("100.04", "持平"),
            ("99.96", "持平"),
            ("100.05", "增长0.1%"),
            ("99.95", "下降0.1%"),
            ("100", "持平"),
        ] {
            assert_eq!(
                g(&format!("{cur}万元"), "100万元").to_string(),
                text,
                "{cur}"
            );
        }
    }

    #[test]
    fn across_magnitudes_and_units() {
        assert_eq!(g("1.2亿元", "9800万元").to_string(), "增长22.4%");
        assert_eq!(g("1.2万吨", "1000万斤").to_string(), "增长140.0%");
        assert!(growth(&"1亿元".parse().unwrap(), &"1万人次".parse().unwrap()).is_err());
    }

    #[test]
    fn parses_report_wording() {
        for (text, percent) in [
            ("增长4.2%", "4.2"),
            ("同比增长4.2%", "4.2"),
            ("下降0.5%", "-0.5"),
            ("增长-0.5%", "-0.5"),
            ("负增长0.5%", "-0.5"),
            ("持平", "0.0"),
            ("增长1.79倍", "179"),
            ("翻两番", "300"),
        ] {
            let growth: Growth = text.parse().unwrap();
            assert_eq!(
                growth.rate().unwrap().percent().to_string(),
                percent,
                "{text}"
            );
        }
        assert_eq!("扭亏为盈".parse::<Growth>().unwrap(), Growth::TurnedProfit);
        assert!("上涨".parse::<Growth>().is_err());
        assert!("增长X%".parse::<Growth>().unwrap_err().is_placeholder());
    }
}
