//! 同比增长 / 环比增长: growth between two levels, with the states reports use when the base is zero
//! or negative.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::ranges;
use crate::text::wording;
use crate::value::precision::Precision;
use crate::value::rounding::percent_of;
use crate::{Error, PercentPoints, Quantity, Rate, Result, Rounding};

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
/// Display words it as a report does: "增长4.2%", "下降0.5%", "持平" (when the rate shows as 0.0),
/// or the state word. A computed rate shows at 1 place; a rate parsed from text keeps its written
/// digits ("负增长1.21%" displays "下降1.21%"); `{:.2}` gives 2 places. [`Growth::to_text`]
/// renders growth of 100% or more as 倍 ("增长1.79倍") when asked.
///
/// # Examples
///
/// ```
/// use tongji::{growth, Growth, Quantity};
/// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长4.1%");
/// assert_eq!(growth(&"-20万元".parse()?, &"-50万元".parse()?)?, Growth::LossNarrowed);
/// assert_eq!(growth(&"5万元".parse()?, &"0万元".parse()?)?.to_string(), "新增");
/// assert_eq!("负增长1.21%".parse::<Growth>()?.to_string(), "下降1.21%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Growth {
    /// An ordinary growth rate (negative for a fall).
    Rate(Rate),
    /// 新增: from zero to a positive level.
    #[doc(alias = "新增")]
    New,
    /// 新增亏损: from zero to a negative level.
    #[doc(alias = "新增亏损")]
    NewLoss,
    /// 扭亏为盈: from a loss to zero or a profit.
    #[doc(alias = "扭亏为盈")]
    TurnedProfit,
    /// 由盈转亏: from a profit to a loss.
    #[doc(alias = "由盈转亏")]
    TurnedLoss,
    /// 减亏: a smaller loss than before.
    #[doc(alias = "减亏")]
    LossNarrowed,
    /// 增亏: a larger loss than before.
    #[doc(alias = "增亏")]
    LossWidened,
    /// 亏损持平: the same loss as before.
    #[doc(alias = "亏损持平")]
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
/// prices while their levels are at current prices. See [`crate::Catalog`].
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] across dimensions; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::growth;
/// // 社会消费品零售总额120.5亿元，上年110亿元
/// let g = growth(&"120.5亿元".parse()?, &"110亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长9.5%");
/// assert_eq!(growth(&"9.95万人次".parse()?, &"10万人次".parse()?)?.to_string(), "下降0.5%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn growth(current: &Quantity, previous: &Quantity) -> Result<Growth> {
    current.same_dimension(previous)?;
    Ok(
        match growth_of(current.base_value(), previous.base_value())? {
            Growth::Rate(rate) => Growth::Rate(rate.with_precision(Precision::derived(
                current.is_exact() && previous.is_exact(),
                || ranges::growth(&current.interval(), &previous.interval()),
            ))),
            state => state,
        },
    )
}

/// Growth between two plain decimals in the same unit; the kernel of [`growth`].
pub(crate) fn growth_of(cur: Decimal, prev: Decimal) -> Result<Growth> {
    let zero = Decimal::ZERO;
    Ok(match (prev.cmp(&zero), cur.cmp(&zero)) {
        (Ordering::Equal, Ordering::Equal) => Growth::NotComputable,
        (Ordering::Equal, Ordering::Greater) => Growth::New,
        (Ordering::Equal, Ordering::Less) => Growth::NewLoss,
        (Ordering::Less, Ordering::Equal | Ordering::Greater) => Growth::TurnedProfit,
        (Ordering::Greater, Ordering::Less) => Growth::TurnedLoss,
        (Ordering::Less, Ordering::Less) => match cur.abs().cmp(&prev.abs()) {
            Ordering::Less => Growth::LossNarrowed,
            Ordering::Greater => Growth::LossWidened,
            Ordering::Equal => Growth::LossUnchanged,
        },
        (Ordering::Greater, _) => {
            // Exact or an error: `Decimal` subtraction rounds a difference beyond 28 digits.
            let diff = crate::value::rounding::exact_sub(cur, prev)
                .ok_or_else(|| Error::overflow("growth"))?;
            Growth::Rate(Rate::from_percent(percent_of(diff, prev, "growth")?))
        }
    })
}

/// 个百分点: the change of a rate from its earlier value, `current − previous` (增速 4.5% → 6.6%:
/// 提高2.1个百分点). Never their ratio.
///
/// # Errors
///
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::percentage_points;
/// // 第三产业比重由上年的52.8%提高到54.6%
/// let pp = percentage_points(&"54.6%".parse()?, &"52.8%".parse()?)?;
/// assert_eq!(pp.change_wording(), "提高1.8个百分点");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn percentage_points(current: &Rate, previous: &Rate) -> Result<PercentPoints> {
    current.checked_sub(previous)
}

/// How a [`Growth`] is written: rounding, and whether a growth of 100% or more is written in 倍.
///
/// Without a rounding, a rate shows by its own rule: as written if parsed, at 1 place if computed.
///
/// # Examples
///
/// ```
/// use tongji::{growth, GrowthFormat, Rounding};
/// let g = growth(&"27.9亿元".parse()?, &"10亿元".parse()?)?;
/// assert_eq!(g.to_string(), "增长179.0%");
/// assert_eq!(g.to_text(&GrowthFormat::new().multiples(true)), "增长1.79倍");
/// assert_eq!(g.to_text(&GrowthFormat::new().rounding(Rounding::new(0))), "增长179%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GrowthFormat {
    rounding: Option<Rounding>,
    multiples: bool,
    multiple_places: u32,
}

impl GrowthFormat {
    /// Each rate by its own rule, no 倍 (2 places when 倍 is asked for).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Growth, GrowthFormat};
    /// let g: Growth = "增长4.08%".parse()?;
    /// assert_eq!(g.to_text(&GrowthFormat::new()), "增长4.08%"); // written digits kept
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new() -> GrowthFormat {
        GrowthFormat {
            rounding: None,
            multiples: false,
            multiple_places: 2,
        }
    }

    /// Round every rate once by `rounding` (written ones too).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, GrowthFormat, Rounding};
    /// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
    /// assert_eq!(g.to_text(&GrowthFormat::new().rounding(Rounding::new(2))), "增长4.08%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rounding(self, rounding: Rounding) -> GrowthFormat {
        GrowthFormat {
            rounding: Some(rounding),
            ..self
        }
    }

    /// Write growth of 100% or more as 倍 ("增长1.79倍" = +179%).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Growth, GrowthFormat};
    /// let g: Growth = "增长250%".parse()?;
    /// assert_eq!(g.to_text(&GrowthFormat::new().multiples(true)), "增长2.50倍");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    #[must_use]
    pub const fn multiple_places(self, places: u32) -> GrowthFormat {
        GrowthFormat {
            multiple_places: places,
            ..self
        }
    }

    pub(crate) fn rounding_of(&self) -> Option<Rounding> {
        self.rounding
    }

    pub(crate) fn writes_multiples(&self) -> bool {
        self.multiples
    }

    pub(crate) fn multiple_places_of(&self) -> u32 {
        self.multiple_places
    }
}

impl Growth {
    /// How precisely the growth is known: the rate's precision, exact for a state (新增 …).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, Growth, Precision};
    /// let g = growth(&"74.2万人次".parse()?, &"66.36万人次".parse()?)?;
    /// assert!(g.interval().unwrap().contains("11.8".parse()?)); // in percent
    /// assert_eq!(Growth::New.precision(), Precision::Exact);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn precision(&self) -> Precision {
        self.rate().map_or(Precision::Exact, |r| r.precision())
    }

    /// The values the growth rate stands for, in percent; `None` for a state.
    ///
    /// # Examples
    ///
    /// ```
    /// let g: tongji::Growth = "下降2.3%".parse()?;
    /// assert_eq!(g.interval().unwrap().to_string(), "(-2.35, -2.25]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn interval(&self) -> Option<crate::Interval> {
        self.rate().map(|r| r.interval())
    }

    /// The rate, when there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, Growth};
    /// let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?;
    /// assert_eq!(g.rate().unwrap().percent().to_string(), "4.08");
    /// assert_eq!(Growth::New.rate(), None); // 新增: no percentage on a zero base
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
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
    /// let g = tongji::growth(&"-3万元".parse()?, &"5万元".parse()?)?;
    /// assert_eq!(g.state_word(), Some("由盈转亏"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn state_word(&self) -> Option<&'static str> {
        wording::state_word(self)
    }

    /// The growth written as a report writes it, in `format`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{growth, GrowthFormat};
    /// let g = growth(&"99.96万元".parse()?, &"100万元".parse()?)?;
    /// assert_eq!(g.to_text(&GrowthFormat::new()), "持平"); // −0.04% shows as 0.0
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_text(&self, format: &GrowthFormat) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = wording::write_growth(&mut out, self, format, None);
        out
    }
}

impl fmt::Display for Growth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let precision = f.precision();
        crate::text::layout::write_padded(f, |w| {
            wording::write_growth(w, self, &GrowthFormat::new(), precision)
        })
    }
}

impl From<Rate> for Growth {
    /// A growth of `rate`: "增长6.6%" for 6.6%, "下降2.3%" for −2.3%.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Growth, Rate};
    /// let g = Growth::from("-2.3%".parse::<Rate>()?);
    /// assert_eq!(g.to_string(), "下降2.3%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from(rate: Rate) -> Growth {
        Growth::Rate(rate)
    }
}

impl FromStr for Growth {
    type Err = Error;

    /// Parses what reports write: "增长4.2%", "同比增长4.2%", "下降0.5%", "增长-0.5%", "负增长0.5%",
    /// "持平", "增长1.79倍" (= +179%), "翻番"/"翻一番" (+100%), "翻两番" (+300%), the state words,
    /// and a bare signed rate as tables write it ("-2.3%").
    /// The rate keeps the digits as written.
    fn from_str(s: &str) -> Result<Growth> {
        wording::parse_growth(s)
    }
}

// Serialized with all digits; a computed growth also with the text it prints (see serde_figure).
crate::text::serde_figure!(
    Growth,
    exact: wording::growth_exact_text,
    computed: |g: &Growth| g.rate().is_some_and(|r| !r.is_written()),
    from_computed: |g: Growth, _: &str| Ok::<_, crate::Error>(match g {
        Growth::Rate(r) => Growth::Rate(r.as_computed()),
        other => other,
    })
);

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

    #[test]
    fn rewording_keeps_every_written_digit() {
        for (text, shown) in [
            ("负增长1.21%", "下降1.21%"),
            ("增长-0.50%", "下降0.50%"),
            ("同比增长4.10%", "增长4.10%"),
            ("增长3.5‰", "增长3.5‰"),
        ] {
            assert_eq!(text.parse::<Growth>().unwrap().to_string(), shown);
        }
    }
}
