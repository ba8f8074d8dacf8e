//! 均价, 亩产, 户均, 人均: one quantity per unit of another.

use crate::{Error, Quantity, Result, Unit};

/// 均价 and other per-unit ratios: `amount / quantity`, across magnitudes and units, with the
/// result's unit named from the two base units (元/公斤 from 万元 and 万公斤). The quotient carries
/// full precision; round it with [`Quantity::rounded`] to print it.
///
/// "收购101.2万公斤，收购总额3554.85万元，均价35.13元": 3554.85万元 / 101.2万公斤 = 35.13元/公斤
/// at 2 places.
///
/// # Errors
///
/// [`Error::DivisionByZero`] when the quantity is zero; [`Error::UnitMismatch`] when either is
/// already a ratio; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_unit, Rounding};
/// let price = per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?)?;
/// assert_eq!(price.rounded(Rounding::new(2))?.to_string(), "35.13元/公斤");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_unit(amount: &Quantity, quantity: &Quantity) -> Result<Quantity> {
    let unit = amount.unit().base().per(quantity.unit().base())?;
    if quantity.is_zero() {
        return Err(Error::DivisionByZero {
            operand: "quantity",
        });
    }
    let value = amount
        .base_value()
        .checked_div(quantity.base_value())
        .ok_or(Error::overflow("per-unit ratio"))?;
    Quantity::new(value, crate::Magnitude::Ge, unit)
}

fn per_checked(
    total: &Quantity,
    by: &Quantity,
    expected: Unit,
    operand: &'static str,
    what: &'static str,
) -> Result<Quantity> {
    if by.dimension() != expected.dimension() {
        return Err(Error::domain(operand, by, what));
    }
    per_unit(total, by)
}

/// 亩产: output per 亩 (公斤/亩), with the area converted from 公顷, 平方米 … and the output from 吨,
/// 斤 ….
///
/// # Errors
///
/// [`Error::Domain`] when `output` is not a mass or `area` not an area;
/// [`Error::DivisionByZero`]; [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{yield_per_mu, Rounding};
/// let y = yield_per_mu(&"4.5万吨".parse()?, &"6万公顷".parse()?)?;
/// assert_eq!(y.rounded(Rounding::new(0))?.to_string(), "50公斤/亩");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn yield_per_mu(output: &Quantity, area: &Quantity) -> Result<Quantity> {
    if output.dimension() != Unit::KILOGRAM.dimension() {
        return Err(Error::domain("output", output, "a mass (公斤, 吨, 斤 …)"));
    }
    per_checked(
        output,
        area,
        Unit::MU,
        "area",
        "an area (亩, 公顷, 平方米 …)",
    )
}

/// 户均: a total per household (元/户 …).
///
/// # Errors
///
/// [`Error::Domain`] when `households` is not in 户; [`Error::DivisionByZero`];
/// [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_household, Rounding};
/// let avg = per_household(&"3554.85万元".parse()?, &"661户".parse()?)?;
/// assert_eq!(avg.rounded(Rounding::new(0))?.to_string(), "53780元/户");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_household(total: &Quantity, households: &Quantity) -> Result<Quantity> {
    per_checked(
        total,
        households,
        Unit::HOUSEHOLD,
        "households",
        "a number of households (户)",
    )
}

/// 人均: a total per person (元/人 …). Keep the population basis (常住 or 户籍) with the data.
///
/// # Errors
///
/// [`Error::Domain`] when `population` is not in 人; [`Error::DivisionByZero`];
/// [`Error::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::{per_capita, Rounding};
/// let gdp = per_capita(&"136.91亿元".parse()?, &"25.3万人".parse()?)?;
/// assert_eq!(gdp.rounded(Rounding::new(0))?.to_string(), "54115元/人");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn per_capita(total: &Quantity, population: &Quantity) -> Result<Quantity> {
    per_checked(
        total,
        population,
        Unit::PERSON,
        "population",
        "a number of persons (人)",
    )
}
