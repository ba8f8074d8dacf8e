//! 均价, 亩产, 户均, 人均: one quantity per unit of another.

use super::ranges;
use crate::value::precision::Precision;
use crate::{Error, Quantity, Result, Unit};

/// 均价 and other per-unit ratios: `amount / quantity`, across magnitudes and units, with the
/// result's unit named from the two base units (元/公斤 from 万元 and 万公斤). The quotient keeps
/// every digit and displays by the per-unit default: money per unit at 2 places, other ratios at 0
/// (round it yourself with [`Quantity::rounded`] for other places).
///
/// "收购101.2万公斤，收购总额3554.85万元，均价35.13元": 3554.85万元 / 101.2万公斤 = 35.13元/公斤.
///
/// # Errors
///
/// [`crate::ErrorKind::ZeroBase`] when the quantity is zero; [`crate::ErrorKind::UnitMismatch`]
/// when either is already a ratio; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_unit, Rounding};
/// let price = per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?)?;
/// assert_eq!(price.to_string(), "35.13元/公斤");
/// assert_eq!(price.rounded(Rounding::new(1))?.to_string(), "35.1元/公斤");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_unit(amount: &Quantity, quantity: &Quantity) -> Result<Quantity> {
    let unit = amount.unit().base().per(quantity.unit().base())?;
    if quantity.is_zero() {
        return Err(Error::zero_base("quantity"));
    }
    let value = amount
        .base_value()
        .checked_div(quantity.base_value())
        .ok_or_else(|| Error::overflow("per-unit ratio"))?;
    let precision = Precision::derived(amount.is_exact() && quantity.is_exact(), || {
        ranges::ratio(&amount.interval(), &quantity.interval())
    });
    Quantity::per_unit(value, unit, precision)
}

/// [`per_unit`] where the divisor must be of `expected`'s dimension.
fn per_checked(total: &Quantity, by: &Quantity, expected: Unit) -> Result<Quantity> {
    by.same_dimension_as(expected)?;
    per_unit(total, by)
}

/// 亩产: output per 亩 (公斤/亩), with the area converted from 公顷, 平方米 … and the output from 吨,
/// 斤 …; displayed as a whole number of 公斤/亩.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] when `output` is not a mass or `area` not an area;
/// [`crate::ErrorKind::ZeroBase`]; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::yield_per_mu;
/// // 粮食播种面积6万公顷，总产量4.5万吨 → 亩产50公斤
/// let y = yield_per_mu(&"4.5万吨".parse()?, &"6万公顷".parse()?)?;
/// assert_eq!(y.to_string(), "50公斤/亩");
/// assert!(yield_per_mu(&"4.5万吨".parse()?, &"6万人".parse()?).unwrap_err().is_unit_mismatch());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn yield_per_mu(output: &Quantity, area: &Quantity) -> Result<Quantity> {
    output.same_dimension_as(Unit::KILOGRAM)?;
    per_checked(output, area, Unit::MU)
}

/// 户均: a total per household (元/户 …).
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] when `households` is not in 户; [`crate::ErrorKind::ZeroBase`];
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_household, Rounding};
/// // 661户烟农，收购总额3554.85万元
/// let avg = per_household(&"3554.85万元".parse()?, &"661户".parse()?)?;
/// assert_eq!(avg.to_string(), "53779.88元/户");
/// assert_eq!(avg.rounded(Rounding::new(0))?.to_string(), "53780元/户");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_household(total: &Quantity, households: &Quantity) -> Result<Quantity> {
    per_checked(total, households, Unit::HOUSEHOLD)
}

/// 人均: a total per person (元/人 …). Keep the population basis (常住 or 户籍) with the data.
///
/// # Errors
///
/// [`crate::ErrorKind::UnitMismatch`] when `population` is not in 人; [`crate::ErrorKind::ZeroBase`];
/// [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_capita, Rounding};
/// let gdp = per_capita(&"136.91亿元".parse()?, &"25.3万人".parse()?)?;
/// assert_eq!(gdp.rounded(Rounding::new(0))?.to_string(), "54115元/人"); // 人均地区生产总值
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_capita(total: &Quantity, population: &Quantity) -> Result<Quantity> {
    per_checked(total, population, Unit::PERSON)
}
