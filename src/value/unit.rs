//! Units of measure with a dimension: money, mass, area, length, person-time, and counts.
//!
//! Every unit converts to its dimension's base unit (元, 公斤, 亩, 米, 人次) by an exact decimal
//! factor, so values are compared and added in base units without rounding. Area uses 亩 as its base
//! because 1 公顷 = 15 亩 and 1 平方米 = 0.0015 亩 are exact, while 1 亩 = 666.66… 平方米 is not.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::{Error, Result};

/// The kinds of base quantity. Counts of different things (项, 件, 人 …) are each their own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Cny,
    Usd,
    Mass,
    Area,
    Length,
    PersonTime,
    Count(Simple),
}

macro_rules! simple_units {
    ($($variant:ident $text:literal $kind:ident $factor:tt ;)*) => {
        /// A unit as spelled (公斤 and 千克 are distinct spellings of one unit).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        enum Simple { $($variant,)* }

        const SIMPLE: &[Simple] = &[$(Simple::$variant,)*];

        impl Simple {
            fn text(self) -> &'static str {
                match self { $(Simple::$variant => $text,)* }
            }
            fn kind(self) -> Kind {
                match self { $(Simple::$variant => simple_units!(@kind $kind $variant),)* }
            }
            /// The factor to the base unit, as (mantissa, scale).
            fn factor_parts(self) -> (i64, u32) {
                match self { $(Simple::$variant => simple_units!(@factor $factor),)* }
            }
        }
    };
    (@kind Count $variant:ident) => { Kind::Count(Simple::$variant) };
    (@kind $kind:ident $variant:ident) => { Kind::$kind };
    (@factor $factor:tt) => { $factor };
}

simple_units! {
    Yuan "元" Cny (1, 0);
    UsDollar "美元" Usd (1, 0);
    Gongjin "公斤" Mass (1, 0);
    Qianke "千克" Mass (1, 0);
    Ke "克" Mass (1, 3);
    Dun "吨" Mass (1000, 0);
    Jin "斤" Mass (5, 1);
    Mu "亩" Area (1, 0);
    Gongqing "公顷" Area (15, 0);
    PingfangMi "平方米" Area (15, 4);
    PingfangGongli "平方公里" Area (1500, 0);
    Mi "米" Length (1, 0);
    Gongli "公里" Length (1000, 0);
    Qianmi "千米" Length (1000, 0);
    Renci "人次" PersonTime (1, 0);
    Ren "人" Count (1, 0);
    Hu "户" Count (1, 0);
    Jia "家" Count (1, 0);
    Ge "个" Count (1, 0);
    Xiang "项" Count (1, 0);
    Jian "件" Count (1, 0);
    Ci "次" Count (1, 0);
    Changci "场次" Count (1, 0);
    Chang "场" Count (1, 0);
    Pian "篇" Count (1, 0);
    Tou "头" Count (1, 0);
    Zhi "只" Count (1, 0);
    Yu "羽" Count (1, 0);
    Zhu "株" Count (1, 0);
    Ke2 "棵" Count (1, 0);
    Zuo "座" Count (1, 0);
    Tiao "条" Count (1, 0);
    Qi "期" Count (1, 0);
    Pici "批次" Count (1, 0);
    Pi "批" Count (1, 0);
    Ming "名" Count (1, 0);
    Suo "所" Count (1, 0);
    Tai "台" Count (1, 0);
    Liang "辆" Count (1, 0);
    Tao "套" Count (1, 0);
    Zhang "张" Count (1, 0);
    Zong "宗" Count (1, 0);
    Qi2 "起" Count (1, 0);
    Li "例" Count (1, 0);
    Chu "处" Count (1, 0);
    Jian2 "间" Count (1, 0);
    Dong "栋" Count (1, 0);
    Kou "口" Count (1, 0);
    Wei "位" Count (1, 0);
}

impl Simple {
    fn factor(self) -> Decimal {
        let (mantissa, scale) = self.factor_parts();
        Decimal::new(mantissa, scale)
    }

    fn parse(text: &str) -> Option<Simple> {
        match text {
            "人民币元" => return Some(Simple::Yuan),
            "亩地" => return Some(Simple::Mu),
            _ => {}
        }
        SIMPLE.iter().copied().find(|u| u.text() == text)
    }
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Cny => "money (元)",
            Kind::Usd => "money (美元)",
            Kind::Mass => "mass",
            Kind::Area => "area",
            Kind::Length => "length",
            Kind::PersonTime => "person-time",
            Kind::Count(_) => "count",
        }
    }
}

/// A unit of measure: a simple unit (元, 公斤, 亩, 人次, 项 …) or a ratio of two (元/公斤, 公斤/亩).
///
/// Units of one [`Dimension`] convert exactly: 1 吨 = 1000 公斤 = 2000 斤, 1 公顷 = 15 亩. Distinct
/// count units (项 and 件, 人 and 户) never mix; 元 and 美元 never mix (no exchange rate is assumed).
/// Parsing and display are in Chinese and keep the spelling (千克 stays 千克).
///
/// Supported: 元 美元 · 公斤 千克 克 吨 斤 · 亩 公顷 平方米 平方公里 · 米 公里 千米 · 人次 · and the
/// count units 人 户 家 个 项 件 次 场次 场 篇 头 只 羽 株 棵 座 条 期 批次 批 名 所 台 辆 套 张 宗 起 例 处 间 栋 口 位;
/// a ratio is written `A/B` ("元/公斤").
///
/// # Examples
///
/// ```
/// use tongji::Unit;
/// let t: Unit = "吨".parse()?;
/// let jin: Unit = "斤".parse()?;
/// assert_eq!(t.dimension(), jin.dimension());
/// assert_ne!("项".parse::<Unit>()?.dimension(), "件".parse::<Unit>()?.dimension());
/// assert_eq!("元/公斤".parse::<Unit>()?.to_string(), "元/公斤");
/// assert!("光年".parse::<Unit>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit {
    num: Simple,
    den: Option<Simple>,
}

/// What a unit measures. Two quantities can be added, compared or converted only when their
/// dimensions are equal.
///
/// # Examples
///
/// ```
/// use tongji::Unit;
/// assert_eq!(Unit::YUAN.dimension().to_string(), "money (元)");
/// assert_eq!("公斤/亩".parse::<Unit>()?.dimension().to_string(), "mass per area");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dimension {
    num: Kind,
    den: Option<Kind>,
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let with_unit = |f: &mut fmt::Formatter<'_>, k: Kind| match k {
            Kind::Count(u) => write!(f, "count ({})", u.text()),
            other => f.write_str(other.name()),
        };
        with_unit(f, self.num)?;
        if let Some(den) = self.den {
            f.write_str(" per ")?;
            with_unit(f, den)?;
        }
        Ok(())
    }
}

impl Dimension {
    /// Whether this is a count of things (项, 件, 人, 户 …), where only the same unit mixes.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert!("项".parse::<Unit>()?.dimension().is_count());
    /// assert!(!Unit::YUAN.dimension().is_count());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_count(&self) -> bool {
        self.den.is_none() && matches!(self.num, Kind::Count(_))
    }
}

/// The exact factor from a unit to its dimension's base unit: `numerator / denominator`. Simple
/// units have a denominator of 1; a ratio unit divides its numerator's factor by its
/// denominator's (元/吨 → 1/1000 元/公斤, 元/公顷 → 1/15 元/亩).
///
/// # Examples
///
/// ```
/// use tongji::Unit;
/// let f = "元/公顷".parse::<Unit>()?.factor();
/// assert_eq!((f.numerator().to_string(), f.denominator().to_string()), ("1".into(), "15".into()));
/// assert!(!f.is_decimal());
/// assert!(Unit::TONNE.factor().is_decimal());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Factor {
    numerator: Decimal,
    denominator: Decimal,
}

impl Factor {
    /// The numerator (the factor of the unit, or of a ratio's numerator unit).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("3万元".parse::<tongji::Quantity>()?.unit().factor().numerator().to_string(), "1");
    /// assert_eq!(tongji::Unit::TONNE.factor().numerator().to_string(), "1000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn numerator(&self) -> Decimal {
        self.numerator
    }

    /// The denominator (1 for a simple unit; the factor of a ratio's denominator unit).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("元/吨".parse::<tongji::Unit>()?.factor().denominator().to_string(), "1000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn denominator(&self) -> Decimal {
        self.denominator
    }

    /// Whether the factor is a terminating decimal (so base values are exact): true for every
    /// simple unit, false for ratios over 公顷 or 平方公里 (thirds of 15 and 1500).
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(!"元/平方米".parse::<tongji::Unit>()?.factor().is_decimal());
    /// assert!("元/公斤".parse::<tongji::Unit>()?.factor().is_decimal());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_decimal(&self) -> bool {
        super::rounding::exact_div(self.numerator, self.denominator).is_some()
    }

    /// `value` in base units: `value × numerator / denominator`, exact (or `None`) when the factor
    /// is a terminating decimal; otherwise — a ratio over 公顷 or 平方公里 — the quotient is carried
    /// to 28 significant digits.
    pub(crate) fn to_base(self, value: Decimal) -> Option<Decimal> {
        let scaled = super::rounding::exact_mul(value, self.numerator)?;
        if self.denominator == Decimal::ONE {
            Some(scaled)
        } else {
            super::rounding::exact_div(scaled, self.denominator)
                .or_else(|| scaled.checked_div(self.denominator))
        }
    }

    /// `base` in this unit, exactly, or `None` when it has no exact decimal form there.
    pub(crate) fn of_base(self, base: Decimal) -> Option<Decimal> {
        let scaled = base.checked_mul(self.denominator)?;
        super::rounding::exact_div(scaled, self.numerator)
    }
}

impl fmt::Display for Factor {
    /// "1000", "0.0015", or "1/15" when the fraction does not terminate.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match super::rounding::exact_div(self.numerator, self.denominator) {
            Some(d) => write!(f, "{}", d.normalize()),
            None => write!(
                f,
                "{}/{}",
                self.numerator.normalize(),
                self.denominator.normalize()
            ),
        }
    }
}

impl Unit {
    /// 元 (yuan, CNY): the base unit of money.
    pub const YUAN: Unit = Unit::simple(Simple::Yuan);
    /// 公斤 (kilogram): the base unit of mass.
    pub const KILOGRAM: Unit = Unit::simple(Simple::Gongjin);
    /// 吨 (tonne) = 1000 公斤.
    pub const TONNE: Unit = Unit::simple(Simple::Dun);
    /// 亩 (mu): the base unit of area; 1 公顷 = 15 亩.
    pub const MU: Unit = Unit::simple(Simple::Mu);
    /// 公顷 (hectare) = 15 亩.
    pub const HECTARE: Unit = Unit::simple(Simple::Gongqing);
    /// 人次 (person-times): visits, trips, treatments.
    pub const PERSON_TIME: Unit = Unit::simple(Simple::Renci);
    /// 人 (persons), a count unit.
    pub const PERSON: Unit = Unit::simple(Simple::Ren);
    /// 户 (households), a count unit.
    pub const HOUSEHOLD: Unit = Unit::simple(Simple::Hu);
    /// 项 (items, tasks), a count unit.
    pub const ITEM: Unit = Unit::simple(Simple::Xiang);
    /// 头 (head of livestock), a count unit.
    pub const HEAD: Unit = Unit::simple(Simple::Tou);

    const fn simple(u: Simple) -> Unit {
        Unit { num: u, den: None }
    }

    /// What this unit measures.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert_eq!(Unit::HECTARE.dimension(), Unit::MU.dimension());
    /// ```
    pub fn dimension(&self) -> Dimension {
        Dimension {
            num: self.num.kind(),
            den: self.den.map(Simple::kind),
        }
    }

    /// The factor from this unit to its dimension's base unit, as an exact fraction: 吨 → 1000,
    /// 斤 → 0.5, 公顷 → 15, 元/公顷 → 1/15 (元 per 亩).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert_eq!(Unit::TONNE.factor().to_string(), "1000");
    /// assert_eq!("平方米".parse::<Unit>()?.factor().to_string(), "0.0015");
    /// assert_eq!("元/公顷".parse::<Unit>()?.factor().to_string(), "1/15");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn factor(&self) -> Factor {
        Factor {
            numerator: self.num.factor(),
            denominator: self.den.map_or(Decimal::ONE, Simple::factor),
        }
    }

    /// The base unit of this unit's dimension (吨 → 公斤, 公顷 → 亩, 万元/吨 … → 元/公斤).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert_eq!(Unit::TONNE.base().to_string(), "公斤");
    /// assert_eq!("元/吨".parse::<Unit>()?.base().to_string(), "元/公斤");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn base(&self) -> Unit {
        Unit {
            num: base_of(self.num),
            den: self.den.map(base_of),
        }
    }

    /// The ratio unit `self/den` (元 per 公斤 → 元/公斤). A ratio of ratios is refused.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::UnitMismatch`] when either side is already a ratio.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert_eq!(Unit::YUAN.per(Unit::KILOGRAM)?.to_string(), "元/公斤");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(&self, den: Unit) -> Result<Unit> {
        match (self.den, den.den) {
            (None, None) => Ok(Unit {
                num: self.num,
                den: Some(den.num),
            }),
            _ => Err(Error::mismatch(self, den)),
        }
    }

    /// Whether the unit's numerator is money (元, 美元): 均价 and 人均 figures.
    pub(crate) fn numerator_is_money(&self) -> bool {
        matches!(self.num.kind(), Kind::Cny | Kind::Usd)
    }

    /// Whether this unit is a ratio of two units (元/公斤).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// assert!(!Unit::YUAN.is_ratio());
    /// ```
    #[must_use]
    pub fn is_ratio(&self) -> bool {
        self.den.is_some()
    }
}

fn base_of(u: Simple) -> Simple {
    match u.kind() {
        Kind::Cny => Simple::Yuan,
        Kind::Usd => Simple::UsDollar,
        Kind::Mass => Simple::Gongjin,
        Kind::Area => Simple::Mu,
        Kind::Length => Simple::Mi,
        Kind::PersonTime => Simple::Renci,
        Kind::Count(c) => c,
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::layout::write_padded(f, |w| match self.den {
            None => w.write_str(self.num.text()),
            Some(den) => write!(w, "{}/{}", self.num.text(), den.text()),
        })
    }
}

impl FromStr for Unit {
    type Err = Error;

    /// Parses a unit as written: "元", "千克", "万"-less; a ratio as "元/公斤" (also with "／" or "每").
    fn from_str(s: &str) -> Result<Unit> {
        let trimmed = s.trim();
        let unknown = || Error::unknown_unit(s, trimmed);
        let split = trimmed
            .split_once('/')
            .or_else(|| trimmed.split_once('／'))
            .or_else(|| trimmed.split_once('每'));
        match split {
            None => Simple::parse(trimmed).map(Unit::simple).ok_or_else(unknown),
            Some((num, den)) => {
                let num = Simple::parse(num.trim()).ok_or_else(unknown)?;
                let den = Simple::parse(den.trim()).ok_or_else(unknown)?;
                Ok(Unit {
                    num,
                    den: Some(den),
                })
            }
        }
    }
}

crate::text::serde_via_text!(Unit);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_round_trips() {
        for u in SIMPLE {
            let unit: Unit = u.text().parse().unwrap();
            assert_eq!(unit.to_string(), u.text());
        }
    }

    #[test]
    fn factors_are_exact() {
        let jin: Unit = "斤".parse().unwrap();
        assert_eq!(
            Unit::TONNE.factor().numerator() / jin.factor().numerator(),
            Decimal::from(2000)
        );
        assert_eq!(Unit::HECTARE.factor().numerator(), Decimal::from(15));
        let per: Unit = "元/吨".parse().unwrap();
        assert_eq!(per.factor().to_string(), "0.001");
        let per_ha: Unit = "元/公顷".parse().unwrap();
        assert_eq!(per_ha.factor().to_string(), "1/15");
    }

    #[test]
    fn counts_do_not_mix() {
        let xiang: Unit = "项".parse().unwrap();
        let jian: Unit = "件".parse().unwrap();
        assert_ne!(xiang.dimension(), jian.dimension());
        assert_eq!(xiang.dimension().to_string(), "count (项)");
        assert_ne!(Unit::PERSON.dimension(), Unit::PERSON_TIME.dimension());
    }

    #[test]
    fn unknown_unit_names_it() {
        let err = "光年".parse::<Unit>().unwrap_err();
        assert_eq!(err.to_string(), r#"unknown unit "光年""#);
    }
}
