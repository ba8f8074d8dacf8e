//! Magnitudes written before a unit: 万, 亿, 万亿 … (SDMX `UNIT_MULT`).

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};

/// A power of ten written before a unit: 万元 is 10⁴ 元, 亿元 is 10⁸ 元 (SDMX `UNIT_MULT` 4 and 8).
///
/// The variants are named by their English number (万 is [`Magnitude::TenThousand`], 亿 is
/// [`Magnitude::HundredMillion`]); each Chinese spelling is a search alias. [`Magnitude::One`]
/// (个, 10⁰) is written as nothing ("46596元"). Converting between magnitudes is exact
/// ([`crate::Quantity::to_magnitude`]).
///
/// # Examples
///
/// ```
/// use tongji::{Magnitude, Quantity};
/// let m: Magnitude = "万".parse()?;
/// assert_eq!(m, Magnitude::TenThousand);
/// assert_eq!(m.exponent(), 4);
/// let q: Quantity = "46596万元".parse()?;
/// assert_eq!(q.to_magnitude(Magnitude::HundredMillion)?.to_string(), "4.6596亿元");
/// assert!("兆".parse::<Magnitude>().is_err()); // 兆 is ambiguous (10⁶ or 10¹²) and not used
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Magnitude {
    /// 个 (10⁰): no magnitude written.
    #[default]
    #[doc(alias = "个")]
    One,
    /// 十 (10¹).
    #[doc(alias = "十")]
    Ten,
    /// 百 (10²).
    #[doc(alias = "百")]
    Hundred,
    /// 千 (10³).
    #[doc(alias = "千")]
    Thousand,
    /// 万 (10⁴): 万元, 万人次, 万亩.
    #[doc(alias = "万")]
    #[doc(alias = "万元")]
    TenThousand,
    /// 十万 (10⁵).
    #[doc(alias = "十万")]
    HundredThousand,
    /// 百万 (10⁶).
    #[doc(alias = "百万")]
    Million,
    /// 千万 (10⁷).
    #[doc(alias = "千万")]
    TenMillion,
    /// 亿 (10⁸): 亿元.
    #[doc(alias = "亿")]
    #[doc(alias = "亿元")]
    HundredMillion,
    /// 十亿 (10⁹).
    #[doc(alias = "十亿")]
    Billion,
    /// 百亿 (10¹⁰).
    #[doc(alias = "百亿")]
    TenBillion,
    /// 千亿 (10¹¹).
    #[doc(alias = "千亿")]
    HundredBillion,
    /// 万亿 (10¹²): 万亿元.
    #[doc(alias = "万亿")]
    Trillion,
}

/// Every magnitude but 个, longest spelling first, so that prefix matching takes "万亿" before "万".
pub(crate) const BY_LENGTH: [Magnitude; 12] = [
    Magnitude::Trillion,
    Magnitude::HundredThousand,
    Magnitude::Million,
    Magnitude::TenMillion,
    Magnitude::Billion,
    Magnitude::TenBillion,
    Magnitude::HundredBillion,
    Magnitude::Ten,
    Magnitude::Hundred,
    Magnitude::Thousand,
    Magnitude::TenThousand,
    Magnitude::HundredMillion,
];

impl Magnitude {
    /// Every magnitude, from 个 to 万亿.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Magnitude;
    /// let written: Vec<&str> = Magnitude::ALL.iter().map(|m| m.as_str()).collect();
    /// assert_eq!(written.concat(), "十百千万十万百万千万亿十亿百亿千亿万亿");
    /// assert!(Magnitude::ALL.windows(2).all(|w| w[0].exponent() < w[1].exponent()));
    /// ```
    pub const ALL: [Magnitude; 13] = [
        Magnitude::One,
        Magnitude::Ten,
        Magnitude::Hundred,
        Magnitude::Thousand,
        Magnitude::TenThousand,
        Magnitude::HundredThousand,
        Magnitude::Million,
        Magnitude::TenMillion,
        Magnitude::HundredMillion,
        Magnitude::Billion,
        Magnitude::TenBillion,
        Magnitude::HundredBillion,
        Magnitude::Trillion,
    ];

    /// The power of ten (万 → 4, 亿 → 8, 万亿 → 12): SDMX `UNIT_MULT`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Magnitude;
    /// assert_eq!(Magnitude::HundredMillion.exponent() - Magnitude::TenThousand.exponent(), 4); // 1亿 = 10000万
    /// ```
    #[must_use]
    pub const fn exponent(self) -> i32 {
        match self {
            Magnitude::One => 0,
            Magnitude::Ten => 1,
            Magnitude::Hundred => 2,
            Magnitude::Thousand => 3,
            Magnitude::TenThousand => 4,
            Magnitude::HundredThousand => 5,
            Magnitude::Million => 6,
            Magnitude::TenMillion => 7,
            Magnitude::HundredMillion => 8,
            Magnitude::Billion => 9,
            Magnitude::TenBillion => 10,
            Magnitude::HundredBillion => 11,
            Magnitude::Trillion => 12,
        }
    }

    /// How the magnitude is written before a unit; "" for 个.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Magnitude, Quantity};
    /// let q: Quantity = "3.5万亩".parse()?;
    /// assert_eq!(format!("{}{}", q.magnitude().as_str(), q.unit()), "万亩");
    /// assert_eq!(Magnitude::One.as_str(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Magnitude::One => "",
            Magnitude::Ten => "十",
            Magnitude::Hundred => "百",
            Magnitude::Thousand => "千",
            Magnitude::TenThousand => "万",
            Magnitude::HundredThousand => "十万",
            Magnitude::Million => "百万",
            Magnitude::TenMillion => "千万",
            Magnitude::HundredMillion => "亿",
            Magnitude::Billion => "十亿",
            Magnitude::TenBillion => "百亿",
            Magnitude::HundredBillion => "千亿",
            Magnitude::Trillion => "万亿",
        }
    }
}

impl fmt::Display for Magnitude {
    /// The written form; 个 displays as "个" here (in a quantity it is written as nothing).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Magnitude::One => "个",
            other => other.as_str(),
        };
        crate::text::layout::pad(f, text)
    }
}

impl FromStr for Magnitude {
    type Err = Error;

    /// Parses "个", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿"
    /// (or "" for 个).
    fn from_str(s: &str) -> Result<Magnitude> {
        let t = s.trim();
        if t.is_empty() || t == "个" {
            return Ok(Magnitude::One);
        }
        BY_LENGTH
            .iter()
            .copied()
            .find(|m| m.as_str() == t)
            .ok_or_else(|| {
                Error::parse(
                    s,
                    "a magnitude",
                    "expected one of 个 十 百 千 万 十万 百万 千万 亿 十亿 百亿 千亿 万亿",
                    0,
                )
            })
    }
}

crate::text::serde_via_text!(Magnitude);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_orders() {
        for m in Magnitude::ALL {
            let written = if m == Magnitude::One {
                "个"
            } else {
                m.as_str()
            };
            assert_eq!(written.parse::<Magnitude>().unwrap(), m);
        }
        assert!(Magnitude::TenThousand < Magnitude::HundredMillion);
        let mut by_length = BY_LENGTH.to_vec();
        by_length.sort();
        assert_eq!(by_length, Magnitude::ALL[1..]);
    }
}
