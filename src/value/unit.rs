//! Units of measure with a dimension: money, mass, area, length, person-time, and counts.
//!
//! Every unit converts to its dimension's base unit (元, 公斤, 亩, 米, 人次) by an exact decimal
//! factor, so values are compared and added in base units without rounding. Area uses 亩 as its base
//! because 1 公顷 = 15 亩 and 1 平方米 = 0.0015 亩 are exact, while 1 亩 = 666.66… 平方米 is not.

use std::fmt;
use std::num::NonZeroU8;
use std::str::FromStr;
use std::sync::{PoisonError, RwLock};

use rust_decimal::Decimal;

use crate::{Error, Magnitude, Result};

/// The kinds of base quantity. Counts of different things (项, 件, 人 …) are each their own kind; a
/// dimension a caller registers is `Defined` (its index among the registered dimensions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Cny,
    Usd,
    Mass,
    Area,
    Length,
    PersonTime,
    Energy,
    Power,
    Volume,
    StandardCoal,
    Count(Simple),
    Defined(u8),
}

/// A unit as spelled (公斤 and 千克 are distinct spellings of one unit): an index into the built-in
/// table, then into the units registered at run time.
/// Held as index + 1, so that an `Option<Simple>` (a ratio's denominator) costs nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Simple(NonZeroU8);

/// A built-in unit: its spelling, what it measures (`None`: a count of its own) and its factor to
/// the base unit as (mantissa, scale).
type Builtin = (&'static str, Option<Kind>, (i64, u32));

const fn count(text: &'static str) -> Builtin {
    (text, None, (1, 0))
}

/// The built-in units. The first of each kind with factor 1 is its base unit.
const BUILTIN: &[Builtin] = &[
    ("元", Some(Kind::Cny), (1, 0)),
    ("美元", Some(Kind::Usd), (1, 0)),
    ("公斤", Some(Kind::Mass), (1, 0)),
    ("千克", Some(Kind::Mass), (1, 0)),
    ("克", Some(Kind::Mass), (1, 3)),
    ("吨", Some(Kind::Mass), (1000, 0)),
    ("斤", Some(Kind::Mass), (5, 1)),
    ("亩", Some(Kind::Area), (1, 0)),
    ("公顷", Some(Kind::Area), (15, 0)),
    ("平方米", Some(Kind::Area), (15, 4)),
    ("平方公里", Some(Kind::Area), (1500, 0)),
    ("米", Some(Kind::Length), (1, 0)),
    ("公里", Some(Kind::Length), (1000, 0)),
    ("千米", Some(Kind::Length), (1000, 0)),
    ("人次", Some(Kind::PersonTime), (1, 0)),
    ("千瓦时", Some(Kind::Energy), (1, 0)),
    ("度", Some(Kind::Energy), (1, 0)),
    ("千瓦", Some(Kind::Power), (1, 0)),
    ("兆瓦", Some(Kind::Power), (1000, 0)),
    ("立方米", Some(Kind::Volume), (1, 0)),
    ("方", Some(Kind::Volume), (1, 0)),
    ("升", Some(Kind::Volume), (1, 3)),
    ("吨标准煤", Some(Kind::StandardCoal), (1, 0)),
    ("吨标煤", Some(Kind::StandardCoal), (1, 0)),
    count("人"),
    count("户"),
    count("家"),
    count("个"),
    count("项"),
    count("件"),
    count("次"),
    count("场次"),
    count("场"),
    count("篇"),
    count("头"),
    count("只"),
    count("羽"),
    count("株"),
    count("棵"),
    count("座"),
    count("条"),
    count("期"),
    count("批次"),
    count("批"),
    count("名"),
    count("所"),
    count("台"),
    count("辆"),
    count("套"),
    count("张"),
    count("宗"),
    count("起"),
    count("例"),
    count("处"),
    count("间"),
    count("栋"),
    count("口"),
    count("位"),
    count("标箱"),
    count("辆次"),
    count("架次"),
    count("艘次"),
    count("艘"),
    count("车次"),
    count("笔"),
    count("盏"),
    count("眼"),
    count("吨公里"),
    count("人公里"),
];

/// The index of a built-in unit by its spelling, at compile time.
const fn builtin(text: &str) -> Simple {
    let mut i = 0;
    while i < BUILTIN.len() {
        let t = BUILTIN[i].0.as_bytes();
        let w = text.as_bytes();
        if t.len() == w.len() {
            let mut j = 0;
            while j < t.len() && t[j] == w[j] {
                j += 1;
            }
            if j == t.len() {
                return Simple::at(i);
            }
        }
        i += 1;
    }
    panic!("not a built-in unit")
}

/// A unit registered at run time, and the dimensions registered with one.
struct Registry {
    units: Vec<(&'static str, Kind, Decimal)>,
    dimensions: Vec<&'static str>,
}

/// The units registered at run time, for the whole process (parsing a unit has no other context).
/// Append-only: a unit, once registered, means the same for the rest of the run.
static REGISTRY: RwLock<Registry> = RwLock::new(Registry {
    units: Vec::new(),
    dimensions: Vec::new(),
});

/// How many units a process may register: a unit is one byte (two for a ratio), and each
/// registered spelling lives as long as the process.
const MAX_REGISTERED: usize = 255 - BUILTIN.len();

fn registry() -> std::sync::RwLockReadGuard<'static, Registry> {
    REGISTRY.read().unwrap_or_else(PoisonError::into_inner)
}

impl Simple {
    /// The unit at index `i` (built-in, then registered); there are at most 255.
    const fn at(i: usize) -> Simple {
        match NonZeroU8::new((i as u8).wrapping_add(1)) {
            Some(n) => Simple(n),
            None => Simple(NonZeroU8::MAX),
        }
    }

    const fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    fn text(self) -> &'static str {
        let i = self.index();
        match BUILTIN.get(i) {
            Some(b) => b.0,
            None => registry().units.get(i - BUILTIN.len()).map_or("", |u| u.0),
        }
    }

    fn kind(self) -> Kind {
        let i = self.index();
        match BUILTIN.get(i) {
            Some((_, kind, _)) => kind.unwrap_or(Kind::Count(self)),
            None => registry()
                .units
                .get(i - BUILTIN.len())
                .map_or(Kind::Count(self), |u| u.1),
        }
    }

    fn factor(self) -> Decimal {
        let i = self.index();
        match BUILTIN.get(i) {
            Some((_, _, (mantissa, scale))) => Decimal::new(*mantissa, *scale),
            None => registry()
                .units
                .get(i - BUILTIN.len())
                .map_or(Decimal::ONE, |u| u.2),
        }
    }

    fn parse(text: &str) -> Option<Simple> {
        match text {
            "人民币元" => return Some(Simple::YUAN),
            "亩地" => return Some(Simple::MU),
            "kWh" | "kwh" => return Some(Simple::KWH),
            _ => {}
        }
        if let Some(i) = BUILTIN.iter().position(|b| b.0 == text) {
            return Some(Simple::at(i));
        }
        let r = registry();
        let i = r.units.iter().position(|u| u.0 == text)?;
        Some(Simple::at(BUILTIN.len() + i))
    }

    const YUAN: Simple = builtin("元");
    const MU: Simple = builtin("亩");
    // Evaluated at compile time: a spelling missing from the table fails the build, never a run.
    const KWH: Simple = builtin("千瓦时");
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
            Kind::Energy => "energy",
            Kind::Power => "power",
            Kind::Volume => "volume",
            Kind::StandardCoal => "standard coal",
            Kind::Count(_) => "count",
            Kind::Defined(i) => registry()
                .dimensions
                .get(usize::from(i))
                .copied()
                .unwrap_or("registered"),
        }
    }
}

/// How a unit registered with [`Unit::register`] relates to the others.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use tongji::{Unit, UnitDefinition};
/// let sou = Unit::register("条船", UnitDefinition::Count)?;
/// assert!(sou.dimension().is_count());
/// let gw = Unit::register("吉瓦", UnitDefinition::Scaled { factor: Decimal::from(1_000_000), of: "千瓦".parse()? })?;
/// assert_eq!(gw.factor().to_string(), "1000000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnitDefinition<'a> {
    /// A count of its own kind: like 项 and 件, it mixes only with itself.
    Count,
    /// The base unit of a new dimension, named `dimension` in messages.
    Base {
        /// What the dimension measures ("heat").
        dimension: &'a str,
    },
    /// `factor` times an existing simple unit, in that unit's dimension (兆瓦 = 1000 千瓦).
    Scaled {
        /// How many of `of` one of the new unit is; positive.
        factor: Decimal,
        /// The unit it is a multiple of.
        of: Unit,
    },
}

/// A unit of measure: a simple unit (元, 公斤, 亩, 人次, 项 …) or a ratio of two (元/公斤, 公斤/亩).
///
/// Units of one [`Dimension`] convert exactly: 1 吨 = 1000 公斤 = 2000 斤, 1 公顷 = 15 亩. Distinct
/// count units (项 and 件, 人 and 户) never mix; 元 and 美元 never mix (no exchange rate is assumed).
/// Parsing and display are in Chinese and keep the spelling (千克 stays 千克).
///
/// Built in: 元 美元 · 公斤 千克 克 吨 斤 · 亩 公顷 平方米 平方公里 · 米 公里 千米 · 人次 · energy 千瓦时 度
/// (kWh) · power 千瓦 兆瓦 · volume 立方米 方 升 · 吨标准煤 吨标煤 · and the count units 人 户 家 个 项 件 次
/// 场次 场 篇 头 只 羽 株 棵 座 条 期 批次 批 名 所 台 辆 套 张 宗 起 例 处 间 栋 口 位 标箱 辆次 架次 艘次 艘 车次
/// 笔 盏 眼 吨公里 人公里; a ratio is written `A/B` ("元/公斤", "吨标准煤/万元" is 吨标准煤 per 元 with
/// the 万 on the figure). A magnitude is not part of a unit: "万千瓦时" is 万 × 千瓦时, read by
/// [`UnitSpec`] or with the figure. More units can be added with [`Unit::register`].
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
    pub const YUAN: Unit = Unit::simple(builtin("元"));
    /// 公斤 (kilogram): the base unit of mass.
    pub const KILOGRAM: Unit = Unit::simple(builtin("公斤"));
    /// 吨 (tonne) = 1000 公斤.
    pub const TONNE: Unit = Unit::simple(builtin("吨"));
    /// 亩 (mu): the base unit of area; 1 公顷 = 15 亩.
    pub const MU: Unit = Unit::simple(builtin("亩"));
    /// 公顷 (hectare) = 15 亩.
    pub const HECTARE: Unit = Unit::simple(builtin("公顷"));
    /// 人次 (person-times): visits, trips, treatments.
    pub const PERSON_TIME: Unit = Unit::simple(builtin("人次"));
    /// 人 (persons), a count unit.
    pub const PERSON: Unit = Unit::simple(builtin("人"));
    /// 户 (households), a count unit.
    pub const HOUSEHOLD: Unit = Unit::simple(builtin("户"));
    /// 项 (items, tasks), a count unit.
    pub const ITEM: Unit = Unit::simple(builtin("项"));
    /// 头 (head of livestock), a count unit.
    pub const HEAD: Unit = Unit::simple(builtin("头"));

    /// Registers a unit for the rest of the process, so that figures, unit cells and catalogs can
    /// use it: a count of its own, the base of a new dimension, or a multiple of a known unit.
    /// Registering a spelling again with the same definition returns the same unit.
    ///
    /// The registry is process-wide because parsing ("35210万千瓦时".parse()) has no other
    /// context; it is append-only and holds up to 186 units (with the 69 built-in ones, 255).
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Duplicate`] when the spelling is already a unit with another meaning
    /// (a built-in one included); [`crate::ErrorKind::Parse`] for a spelling that is empty, has a
    /// digit, a '/' or whitespace, or that is a magnitude with a unit (万元); [`crate::ErrorKind::OutOfRange`]
    /// for a factor not above zero or a full registry; [`crate::ErrorKind::UnitMismatch`] when a
    /// scaled unit is a multiple of a ratio.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tongji::{Quantity, Unit, UnitDefinition};
    /// let kva = Unit::register("千伏安", UnitDefinition::Base { dimension: "apparent power" })?;
    /// let q: Quantity = "12.5万千伏安".parse()?;
    /// assert_eq!((q.unit(), q.to_string().as_str()), (kva, "12.5万千伏安"));
    /// let mva = Unit::register("兆伏安", UnitDefinition::Scaled { factor: Decimal::from(1000), of: kva })?;
    /// assert_eq!("3兆伏安".parse::<Quantity>()?, "3000千伏安".parse()?);
    /// assert!(Unit::register("吨", UnitDefinition::Count).unwrap_err().to_string().contains("吨"));
    /// # let _ = mva;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(name: &str, definition: UnitDefinition<'_>) -> Result<Unit> {
        let name = name.trim();
        let bad = |reason: &'static str| Error::parse(name, "a unit name", reason, 0);
        if name.is_empty() {
            return Err(bad("expected a name such as 千伏安"));
        }
        if name.chars().any(|c| {
            c.is_whitespace()
                || c == '/'
                || c == '／'
                || crate::text::number::normalize_char(c).is_ascii_digit()
        }) {
            return Err(bad("expected a name without digits, '/' or spaces"));
        }
        let magnitude_and_unit = crate::value::magnitude::BY_LENGTH.iter().any(|m| {
            name.strip_prefix(m.as_str())
                .is_some_and(|rest| rest.is_empty() || Unit::lookup(rest).is_some())
        });
        if magnitude_and_unit && Unit::lookup(name).is_none() {
            return Err(bad(
                "expected a unit, not a magnitude with a unit (万元 is 万 × 元, a UnitSpec)",
            ));
        }
        let (kind, factor) = match definition {
            UnitDefinition::Count => (None, Decimal::ONE),
            UnitDefinition::Base { dimension } => (Some(KindOf::New(dimension)), Decimal::ONE),
            UnitDefinition::Scaled { factor, of } => {
                if of.is_ratio() {
                    return Err(Error::mismatch(name, of));
                }
                if factor <= Decimal::ZERO {
                    return Err(Error::out_of_range(
                        "unit factor",
                        factor,
                        "a factor above zero",
                    ));
                }
                let factor = super::rounding::exact_mul(factor, of.num.factor())
                    .ok_or_else(|| Error::overflow("unit factor"))?;
                (Some(KindOf::Known(of.num.kind())), factor)
            }
        };
        let mut r = REGISTRY.write().unwrap_or_else(PoisonError::into_inner);
        let existing = BUILTIN.iter().position(|b| b.0 == name).or_else(|| {
            r.units
                .iter()
                .position(|u| u.0 == name)
                .map(|i| BUILTIN.len() + i)
        });
        if let Some(i) = existing {
            drop(r);
            let unit = Unit::simple(Simple::at(i));
            let same = match kind {
                None => unit.dimension().is_count() && unit.num.factor() == Decimal::ONE,
                Some(KindOf::Known(k)) => unit.num.kind() == k && unit.num.factor() == factor,
                Some(KindOf::New(d)) => {
                    matches!(unit.num.kind(), Kind::Defined(_)) && unit.num.kind().name() == d
                }
            };
            return if same {
                Ok(unit)
            } else {
                Err(Error::duplicate(
                    format_args!("unit {name:?}, already {}", unit.dimension()),
                    None,
                ))
            };
        }
        if r.units.len() >= MAX_REGISTERED {
            return Err(Error::out_of_range(
                "registered units",
                r.units.len(),
                "at most 186 registered units",
            ));
        }
        let id = Simple::at(BUILTIN.len() + r.units.len());
        let kind = match kind {
            None => Kind::Count(id),
            Some(KindOf::Known(k)) => k,
            Some(KindOf::New(d)) => {
                let index = u8::try_from(r.dimensions.len())
                    .map_err(|_| Error::overflow("unit registry"))?;
                r.dimensions.push(Box::leak(Box::from(d.trim())));
                Kind::Defined(index)
            }
        };
        r.units.push((Box::leak(Box::from(name)), kind, factor));
        Ok(Unit::simple(id))
    }

    const fn simple(u: Simple) -> Unit {
        Unit { num: u, den: None }
    }

    /// Every unit of one word the process knows: the built-in ones (元, 公斤, 亩, 人次, 项 …) in
    /// their table's order, then those registered with [`Unit::register`]. Ratio units (元/公斤)
    /// are any two of them. For enumerating in tests and property strategies.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Unit;
    /// let all = Unit::all();
    /// assert_eq!(all[0], Unit::YUAN);
    /// assert!(all.contains(&Unit::MU) && all.contains(&Unit::PERSON_TIME));
    /// assert!(all.iter().all(|u| u.to_string().parse::<Unit>().ok() == Some(*u)));
    /// ```
    #[must_use]
    pub fn all() -> Vec<Unit> {
        let n = BUILTIN.len() + registry().units.len();
        (0..n).map(|i| Unit::simple(Simple::at(i))).collect()
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
    let kind = u.kind();
    if let Kind::Count(c) = kind {
        return c;
    }
    // The first unit of the kind with factor 1, built-in or registered.
    let builtin_base = BUILTIN
        .iter()
        .position(|(_, k, f)| *k == Some(kind) && *f == (1, 0));
    if let Some(i) = builtin_base {
        return Simple::at(i);
    }
    let r = registry();
    r.units
        .iter()
        .position(|(_, k, f)| *k == kind && *f == Decimal::ONE)
        .map_or(u, |i| Simple::at(BUILTIN.len() + i))
}

/// The kind a registration names: one that exists, or a new dimension.
enum KindOf<'a> {
    Known(Kind),
    New(&'a str),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::layout::write_padded(f, |w| match self.den {
            None => w.write_str(self.num.text()),
            Some(den) => write!(w, "{}/{}", self.num.text(), den.text()),
        })
    }
}

/// Whether some unit's spelling (built-in or registered) begins with a char for which `first` holds.
pub(crate) fn first_chars(first: impl Fn(char) -> bool) -> bool {
    let starts = |text: &str| text.chars().next().is_some_and(&first);
    BUILTIN.iter().any(|b| starts(b.0)) || registry().units.iter().any(|u| starts(u.0))
}

impl Unit {
    /// The unit spelled `text` (trimmed; a ratio as "元/公斤", "元／公斤" or "元每公斤"), if any.
    pub(crate) fn lookup(text: &str) -> Option<Unit> {
        let split = text
            .split_once('/')
            .or_else(|| text.split_once('／'))
            .or_else(|| text.split_once('每'));
        match split {
            None => Simple::parse(text).map(Unit::simple),
            Some((num, den)) => Some(Unit {
                num: Simple::parse(num.trim())?,
                den: Some(Simple::parse(den.trim())?),
            }),
        }
    }
}

impl FromStr for Unit {
    type Err = Error;

    /// Parses a unit as written: "元", "千克"; a ratio as "元/公斤" (also with "／" or "每"). A unit
    /// with a magnitude ("万元") is a [`UnitSpec`]: the error says so.
    fn from_str(s: &str) -> Result<Unit> {
        let trimmed = s.trim();
        if let Some(unit) = Unit::lookup(trimmed) {
            return Ok(unit);
        }
        if let Ok(spec) = trimmed.parse::<UnitSpec>() {
            return Err(Error::parse(
                s,
                "a unit",
                format!(
                    "expected a unit without a magnitude: this is {} × {}; parse it as a UnitSpec",
                    spec.magnitude(),
                    spec.unit()
                ),
                0,
            ));
        }
        Err(Error::unknown_unit(s, trimmed))
    }
}

crate::text::serde_via_text!(Unit);

/// A unit with the magnitude written before it, as a 计量单位 column holds it: "万元" is 万 × 元,
/// "万千瓦时" 万 × 千瓦时, "元" 个 × 元. A bare number in a column or row with this unit is read in it
/// ("6739" under 万元 is 6739万元).
///
/// # Examples
///
/// ```
/// use tongji::{Magnitude, Unit, UnitSpec};
/// let s: UnitSpec = "万千瓦时".parse()?;
/// assert_eq!((s.magnitude(), s.unit().to_string().as_str()), (Magnitude::TenThousand, "千瓦时"));
/// assert_eq!(s.to_string(), "万千瓦时");
/// assert_eq!("元".parse::<UnitSpec>()?, UnitSpec::new(Magnitude::One, Unit::YUAN));
/// assert!("0.5亿元".parse::<UnitSpec>().is_err()); // a unit cell holds no number
/// assert!("万元".parse::<Unit>().unwrap_err().to_string().contains("UnitSpec"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnitSpec {
    magnitude: Magnitude,
    unit: Unit,
}

impl UnitSpec {
    /// `magnitude` × `unit`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Magnitude, Unit, UnitSpec};
    /// assert_eq!(UnitSpec::new(Magnitude::HundredMillion, Unit::YUAN).to_string(), "亿元");
    /// ```
    #[must_use]
    pub const fn new(magnitude: Magnitude, unit: Unit) -> UnitSpec {
        UnitSpec { magnitude, unit }
    }

    /// The magnitude (个 when none is written).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("亿元".parse::<tongji::UnitSpec>()?.magnitude(), tongji::Magnitude::HundredMillion);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn magnitude(&self) -> Magnitude {
        self.magnitude
    }

    /// The unit.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!("万吨".parse::<tongji::UnitSpec>()?.unit(), tongji::Unit::TONNE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn unit(&self) -> Unit {
        self.unit
    }
}

impl fmt::Display for UnitSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::layout::write_padded(f, |w| {
            write!(w, "{}{}", self.magnitude.as_str(), self.unit)
        })
    }
}

impl FromStr for UnitSpec {
    type Err = Error;

    /// "万元", "亿元", "公斤", "万人次": a unit with an optional magnitude, nothing else.
    fn from_str(s: &str) -> Result<UnitSpec> {
        crate::text::figure::parse_unit_cell(s).map(|(m, u)| UnitSpec::new(m, u))
    }
}

crate::text::serde_via_text!(UnitSpec);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_round_trips() {
        for (text, _, _) in BUILTIN {
            let unit: Unit = text.parse().unwrap();
            assert_eq!(unit.to_string(), *text);
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
    fn the_registry_limit_is_what_the_docs_say() {
        assert_eq!(BUILTIN.len(), 69);
        assert_eq!(MAX_REGISTERED, 186);
    }

    #[test]
    fn energy_and_counts_are_built_in() {
        let kwh: Unit = "千瓦时".parse().unwrap();
        assert_eq!(kwh, "度".parse::<Unit>().unwrap().base());
        assert_eq!(kwh.dimension().to_string(), "energy");
        let q: crate::Quantity = "35210万千瓦时".parse().unwrap();
        assert_eq!((q.magnitude(), q.unit()), (Magnitude::TenThousand, kwh));
        assert_eq!(
            "0.5兆瓦".parse::<crate::Quantity>().unwrap(),
            "500千瓦".parse().unwrap()
        );
        assert!("标箱".parse::<Unit>().unwrap().dimension().is_count());
        assert_ne!(
            "辆次".parse::<Unit>().unwrap().dimension(),
            "架次".parse::<Unit>().unwrap().dimension()
        );
    }

    #[test]
    fn unknown_unit_names_it() {
        let err = "光年".parse::<Unit>().unwrap_err();
        assert_eq!(err.to_string(), r#"unknown unit "光年""#);
    }
}
