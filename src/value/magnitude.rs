//! Magnitudes written before a unit: 万, 亿, 万亿 … (SDMX `UNIT_MULT`).

use std::fmt;
use std::str::FromStr;

use crate::{Error, Result};

/// A power of ten written before a unit: 万元 is 10⁴ 元, 亿元 is 10⁸ 元 (SDMX `UNIT_MULT` 4 and 8).
///
/// `个` is the plain magnitude 10⁰ and is written as nothing ("46596元"); the others are written as
/// their character(s). Converting between magnitudes is exact ([`crate::Quantity::to_magnitude`]).
///
/// # Examples
///
/// ```
/// use tongji::Magnitude;
/// let m: Magnitude = "万".parse()?;
/// assert_eq!(m.exponent(), 4);
/// assert_eq!("万亿".parse::<Magnitude>()?.exponent(), 12);
/// assert_eq!(Magnitude::Yi.to_string(), "亿");
/// assert!("兆".parse::<Magnitude>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Magnitude {
    /// 个 (10⁰): no magnitude written.
    #[default]
    Ge,
    /// 十 (10¹).
    Shi,
    /// 百 (10²).
    Bai,
    /// 千 (10³).
    Qian,
    /// 万 (10⁴).
    Wan,
    /// 十万 (10⁵).
    ShiWan,
    /// 百万 (10⁶).
    BaiWan,
    /// 千万 (10⁷).
    QianWan,
    /// 亿 (10⁸).
    Yi,
    /// 十亿 (10⁹).
    ShiYi,
    /// 百亿 (10¹⁰).
    BaiYi,
    /// 千亿 (10¹¹).
    QianYi,
    /// 万亿 (10¹²).
    WanYi,
}

/// Every magnitude, longest spelling first, so that prefix matching takes "万亿" before "万".
pub(crate) const BY_LENGTH: [Magnitude; 12] = [
    Magnitude::WanYi,
    Magnitude::ShiWan,
    Magnitude::BaiWan,
    Magnitude::QianWan,
    Magnitude::ShiYi,
    Magnitude::BaiYi,
    Magnitude::QianYi,
    Magnitude::Shi,
    Magnitude::Bai,
    Magnitude::Qian,
    Magnitude::Wan,
    Magnitude::Yi,
];

impl Magnitude {
    /// The power of ten (万 → 4, 亿 → 8, 万亿 → 12).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Magnitude::Wan.exponent(), 4);
    /// ```
    pub const fn exponent(self) -> i32 {
        match self {
            Magnitude::Ge => 0,
            Magnitude::Shi => 1,
            Magnitude::Bai => 2,
            Magnitude::Qian => 3,
            Magnitude::Wan => 4,
            Magnitude::ShiWan => 5,
            Magnitude::BaiWan => 6,
            Magnitude::QianWan => 7,
            Magnitude::Yi => 8,
            Magnitude::ShiYi => 9,
            Magnitude::BaiYi => 10,
            Magnitude::QianYi => 11,
            Magnitude::WanYi => 12,
        }
    }

    /// How the magnitude is written before a unit; "" for 个.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Magnitude;
    /// assert_eq!(Magnitude::ShiWan.as_str(), "十万");
    /// assert_eq!(Magnitude::Ge.as_str(), "");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Magnitude::Ge => "",
            Magnitude::Shi => "十",
            Magnitude::Bai => "百",
            Magnitude::Qian => "千",
            Magnitude::Wan => "万",
            Magnitude::ShiWan => "十万",
            Magnitude::BaiWan => "百万",
            Magnitude::QianWan => "千万",
            Magnitude::Yi => "亿",
            Magnitude::ShiYi => "十亿",
            Magnitude::BaiYi => "百亿",
            Magnitude::QianYi => "千亿",
            Magnitude::WanYi => "万亿",
        }
    }
}

impl fmt::Display for Magnitude {
    /// The written form; 个 displays as "个" here (in a quantity it is written as nothing).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Magnitude::Ge => f.pad("个"),
            other => f.pad(other.as_str()),
        }
    }
}

impl FromStr for Magnitude {
    type Err = Error;

    /// Parses "个", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿"
    /// (or "" for 个).
    fn from_str(s: &str) -> Result<Magnitude> {
        let t = s.trim();
        if t.is_empty() || t == "个" {
            return Ok(Magnitude::Ge);
        }
        BY_LENGTH
            .iter()
            .copied()
            .find(|m| m.as_str() == t)
            .ok_or_else(|| Error::Parse {
                input: s.to_string(),
                expected: "a magnitude",
                reason: "expected one of 个 十 百 千 万 十万 百万 千万 亿 十亿 百亿 千亿 万亿",
                position: 0,
            })
    }
}

crate::text::serde_via_text!(Magnitude);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_orders() {
        for m in BY_LENGTH {
            assert_eq!(m.as_str().parse::<Magnitude>().unwrap(), m);
        }
        assert_eq!("个".parse::<Magnitude>().unwrap(), Magnitude::Ge);
        assert!(Magnitude::Wan < Magnitude::Yi);
        let mut exps: Vec<i32> = BY_LENGTH.iter().map(|m| m.exponent()).collect();
        exps.sort();
        exps.dedup();
        assert_eq!(exps.len(), 12);
    }
}
