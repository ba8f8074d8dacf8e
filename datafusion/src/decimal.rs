//! Decimal128 cells and tongji's kernels: arguments read as mantissas with their scales, every
//! result made by `tongji::kernel`, and the 28-digit limit of tongji's exact arithmetic kept.

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::{DataType, Decimal128Type};
use datafusion::common::{DataFusionError, Result, ScalarValue, exec_err, plan_err};
use tongji::{Decimal, Rounding, RoundingMode, kernel};

/// The most places a result may be asked at.
pub(crate) const MOST_PLACES: i64 = 10;
/// The widest Decimal128.
pub(crate) const PRECISION: u8 = 38;
/// 10^28: tongji's exact figures have at most 28 digits.
const LIMIT: i128 = 10_000_000_000_000_000_000_000_000_000;

/// The type an argument is taken as: a decimal as it is, an integer as a decimal of scale 0. A
/// float is refused (its written digits are gone), as is anything else.
pub(crate) fn decimal_type(function: &str, position: usize, t: &DataType) -> Result<DataType> {
    match t {
        DataType::Decimal128(..) => Ok(t.clone()),
        DataType::Null => Ok(DataType::Decimal128(PRECISION, 0)),
        t if t.is_integer() => Ok(DataType::Decimal128(PRECISION, 0)),
        DataType::Float16 | DataType::Float32 | DataType::Float64 => plan_err!(
            "{function}: argument {position} is {t}: a float has lost the figure's written \
             digits; pass a DECIMAL (CAST(x AS DECIMAL(38, s)) of the text, not of a double)"
        ),
        t => plan_err!("{function}: argument {position} is {t}, expected a DECIMAL or an integer"),
    }
}

/// `places` as a literal argument: an integer from 0 to [`MOST_PLACES`], or `default` when the
/// argument is not given.
pub(crate) fn places_argument(
    function: &str,
    scalar: Option<Option<&ScalarValue>>,
    default: u32,
) -> Result<u32> {
    let Some(scalar) = scalar else {
        return Ok(default);
    };
    let Some(value) = scalar else {
        return plan_err!("{function}: places must be a literal integer from 0 to {MOST_PLACES}");
    };
    let places = match value.cast_to(&DataType::Int64)? {
        ScalarValue::Int64(Some(p)) => p,
        _ => {
            return plan_err!(
                "{function}: places {value} is not an integer from 0 to {MOST_PLACES}"
            );
        }
    };
    if !(0..=MOST_PLACES).contains(&places) {
        return plan_err!("{function}: places {places} is not from 0 to {MOST_PLACES}");
    }
    Ok(u32::try_from(places).unwrap_or(0))
}

/// The rounding mode a literal names: `'half_up'` (四舍五入, half away from zero, the default) or
/// `'half_even'`.
pub(crate) fn mode_argument(
    function: &str,
    scalar: Option<Option<&ScalarValue>>,
) -> Result<RoundingMode> {
    let Some(scalar) = scalar else {
        return Ok(RoundingMode::HalfAwayFromZero);
    };
    let text = match scalar {
        Some(
            ScalarValue::Utf8(Some(t))
            | ScalarValue::LargeUtf8(Some(t))
            | ScalarValue::Utf8View(Some(t)),
        ) => t,
        _ => {
            return plan_err!(
                "{function}: the rounding mode must be a literal, 'half_up' or 'half_even'"
            );
        }
    };
    match text.as_str() {
        "half_up" | "四舍五入" => Ok(RoundingMode::HalfAwayFromZero),
        "half_even" => Ok(RoundingMode::HalfEven),
        other => {
            plan_err!("{function}: rounding mode {other:?}, expected 'half_up' or 'half_even'")
        }
    }
}

/// An argument as a Decimal128 column (an integer one cast to scale 0).
pub(crate) fn decimals(array: &ArrayRef) -> Result<Decimal128Array> {
    let array = match array.data_type() {
        DataType::Decimal128(..) => Arc::clone(array),
        _ => cast(array, &DataType::Decimal128(PRECISION, 0))?,
    };
    Ok(array.as_primitive::<Decimal128Type>().clone())
}

/// The scale of a Decimal128 column, as tongji's kernels take it.
pub(crate) fn scale_of(array: &Decimal128Array, function: &str) -> Result<u32> {
    u32::try_from(array.scale()).or_else(|_| {
        exec_err!(
            "{function}: a negative scale ({}) is not a written figure",
            array.scale()
        )
    })
}

/// Refuses a mantissa beyond tongji's 28 digits: an error, never a rounded figure.
pub(crate) fn within(function: &str, mantissa: i128, scale: u32) -> Result<i128> {
    if mantissa.unsigned_abs() >= LIMIT.unsigned_abs() {
        return exec_err!(
            "{function}: {} has more than 28 digits, beyond tongji's exact figures",
            display(mantissa, scale)
        );
    }
    Ok(mantissa)
}

/// A mantissa at `scale` written out, for messages.
pub(crate) fn display(mantissa: i128, scale: u32) -> String {
    match Decimal::try_from_i128_with_scale(mantissa, scale) {
        Ok(d) => d.to_string(),
        Err(_) => format!("{mantissa}e-{scale}"),
    }
}

/// A `Decimal` from a mantissa already checked by [`within`].
pub(crate) fn to_decimal(function: &str, mantissa: i128, scale: u32) -> Result<Decimal> {
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|e| {
        DataFusionError::Execution(format!("{function}: {}: {e}", display(mantissa, scale)))
    })
}

/// A kernel's `Decimal` result as the mantissa at exactly `places`.
pub(crate) fn at_places(function: &str, d: Decimal, places: u32) -> Result<i128> {
    let scale = d.scale();
    if scale > places {
        return exec_err!("{function}: {d} is not rounded to {places} places");
    }
    let factor = 10i128
        .checked_pow(places - scale)
        .ok_or_else(|| DataFusionError::Execution(format!("{function}: {d} too wide")))?;
    d.mantissa()
        .checked_mul(factor)
        .ok_or_else(|| DataFusionError::Execution(format!("{function}: {d} too wide")))
}

/// A tongji error in a function's words.
pub(crate) fn failed(function: &str, e: &tongji::Error) -> DataFusionError {
    DataFusionError::Execution(format!("{function}: {e}"))
}

/// 同比增长 of two mantissas, at `rounding`: `None` for the growth states (a base not positive, or
/// a negative current value), which are not rates.
pub(crate) fn growth(
    function: &str,
    (current, cs): (i128, u32),
    (previous, ps): (i128, u32),
    rounding: Rounding,
) -> Result<Option<i128>> {
    within(function, current, cs)?;
    within(function, previous, ps)?;
    if previous <= 0 || current < 0 {
        return Ok(None);
    }
    if let Some(m) = kernel::growth_scaled(current, cs, previous, ps, rounding) {
        return Ok(Some(m));
    }
    let (c, p) = (
        to_decimal(function, current, cs)?,
        to_decimal(function, previous, ps)?,
    );
    match kernel::growth(c, p, rounding).map_err(|e| failed(function, &e))? {
        Some(d) => Ok(Some(at_places(function, d, rounding.places())?)),
        None => Ok(None),
    }
}

/// `numerator × 100 / denominator` at `rounding` (完成率, 占比): `None` for a zero denominator.
pub(crate) fn percent(
    function: &str,
    (numerator, ns): (i128, u32),
    (denominator, ds): (i128, u32),
    rounding: Rounding,
) -> Result<Option<i128>> {
    within(function, numerator, ns)?;
    within(function, denominator, ds)?;
    if denominator == 0 {
        return Ok(None);
    }
    if let Some(m) = kernel::percent_scaled(numerator, ns, denominator, ds, rounding) {
        return Ok(Some(m));
    }
    let (n, d) = (
        to_decimal(function, numerator, ns)?,
        to_decimal(function, denominator, ds)?,
    );
    let p = kernel::percent(n, d, rounding).map_err(|e| failed(function, &e))?;
    Ok(Some(at_places(function, p, rounding.places())?))
}

/// 个百分点: `current − previous`, two rates in percent, at `rounding`.
pub(crate) fn points(
    function: &str,
    (current, cs): (i128, u32),
    (previous, ps): (i128, u32),
    rounding: Rounding,
) -> Result<i128> {
    within(function, current, cs)?;
    within(function, previous, ps)?;
    let (c, p) = (
        to_decimal(function, current, cs)?,
        to_decimal(function, previous, ps)?,
    );
    let d = kernel::points(c, p, rounding).map_err(|e| failed(function, &e))?;
    at_places(function, d, rounding.places())
}

/// `value` rounded at `rounding`.
pub(crate) fn round(
    function: &str,
    (value, scale): (i128, u32),
    rounding: Rounding,
) -> Result<i128> {
    within(function, value, scale)?;
    kernel::round_scaled(value, scale, rounding).ok_or_else(|| {
        DataFusionError::Execution(format!(
            "{function}: {} at {} places does not fit",
            display(value, scale),
            rounding.places()
        ))
    })
}

/// A Decimal128 column of results at `scale`.
pub(crate) fn column(values: Vec<Option<i128>>, scale: u32) -> Result<ArrayRef> {
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    Ok(Arc::new(
        Decimal128Array::from(values).with_precision_and_scale(PRECISION, scale)?,
    ))
}
