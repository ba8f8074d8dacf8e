//! Rounding: 四舍五入 by default, GB/T 8170 half-even on request. Every rounding in the crate goes
//! through [`Rounding::apply`].

use rust_decimal::{Decimal, RoundingStrategy};

/// How a tie (a trailing 5) is rounded.
///
/// # Examples
///
/// ```
/// use tongji::{Rounding, RoundingMode};
/// use rust_decimal::Decimal;
/// let x: Decimal = "0.25".parse()?;
/// assert_eq!(Rounding::new(1).apply(x).to_string(), "0.3");
/// assert_eq!(Rounding::new(1).mode(RoundingMode::HalfEven).apply(x).to_string(), "0.2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum RoundingMode {
    /// 四舍五入: ties away from zero (0.05 → 0.1, −0.05 → −0.1). What reports mean by rounding.
    #[default]
    HalfAwayFromZero,
    /// GB/T 8170-2008 (四舍六入五成双): ties to the even digit (0.25 → 0.2, 0.35 → 0.4).
    HalfEven,
}

/// A number of decimal places and a [`RoundingMode`]: the one way the crate rounds.
///
/// The result always carries exactly `places` decimals (`105` at 1 place is `105.0`), so it prints
/// the way a report prints it. Rounding is done once, from the unrounded value.
///
/// # Examples
///
/// ```
/// use tongji::Rounding;
/// use rust_decimal::Decimal;
/// let r = Rounding::new(1);
/// assert_eq!(r.apply("-0.05".parse::<Decimal>()?).to_string(), "-0.1");
/// assert_eq!(r.apply("105".parse::<Decimal>()?).to_string(), "105.0");
/// assert_eq!(r.apply("-0.04".parse::<Decimal>()?).to_string(), "0.0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(from = "RoundingFields")]
pub struct Rounding {
    places: u32,
    mode: RoundingMode,
}

/// What `Rounding` deserializes from, so that the places go through [`Rounding::new`]'s limit.
#[derive(serde::Deserialize)]
struct RoundingFields {
    places: u32,
    #[serde(default)]
    mode: RoundingMode,
}

impl From<RoundingFields> for Rounding {
    fn from(f: RoundingFields) -> Rounding {
        Rounding::new(f.places).mode(f.mode)
    }
}

impl Default for Rounding {
    /// One decimal place, half away from zero: the report default for rates, shares and points.
    fn default() -> Self {
        Rounding::new(1)
    }
}

impl Rounding {
    /// `places` decimals, half away from zero. Places above 28 (a decimal's limit) count as 28.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rounding;
    /// assert_eq!(Rounding::new(2).places(), 2);
    /// ```
    pub const fn new(places: u32) -> Rounding {
        let places = if places > MAX_SCALE {
            MAX_SCALE
        } else {
            places
        };
        Rounding {
            places,
            mode: RoundingMode::HalfAwayFromZero,
        }
    }

    /// The same places with another tie-breaking mode.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Rounding, RoundingMode};
    /// let r = Rounding::new(1).mode(RoundingMode::HalfEven);
    /// assert_eq!(r.rounding_mode(), RoundingMode::HalfEven);
    /// ```
    pub const fn mode(self, mode: RoundingMode) -> Rounding {
        Rounding { mode, ..self }
    }

    /// The number of decimal places.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Rounding::default().places(), 1);
    /// ```
    pub const fn places(&self) -> u32 {
        self.places
    }

    /// The tie-breaking mode.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Rounding, RoundingMode};
    /// assert_eq!(Rounding::new(1).rounding_mode(), RoundingMode::HalfAwayFromZero);
    /// ```
    pub const fn rounding_mode(&self) -> RoundingMode {
        self.mode
    }

    /// Rounds `value` to `places` decimals and pads it to exactly that many. A zero result is
    /// positive ("0.0", never "-0.0").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rounding;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Rounding::new(2).apply("35.126976".parse::<Decimal>()?).to_string(), "35.13");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
        };
        let mut out = value.round_dp_with_strategy(self.places, strategy);
        if out.scale() < self.places {
            // Padding only: the value already has at most `places` decimals, so nothing is rounded.
            // A mantissa too large to pad keeps fewer decimals rather than losing digits.
            let mut padded = out;
            padded.rescale(self.places);
            if padded == out {
                out = padded;
            }
        }
        if out.is_zero() {
            out.set_sign_positive(true);
        }
        out
    }
}

/// The largest scale a `Decimal` carries.
pub(crate) const MAX_SCALE: u32 = 28;

/// `value × 10^exp`, exactly, or `None` when the result does not fit a `Decimal`.
pub(crate) fn shift10(value: Decimal, exp: i32) -> Option<Decimal> {
    let scale = value.scale() as i32;
    let new_scale = scale - exp;
    if (0..=MAX_SCALE as i32).contains(&new_scale) {
        let mut out = value;
        out.set_scale(new_scale as u32).ok()?;
        return Some(out);
    }
    if new_scale < 0 {
        // Multiply the mantissa by 10^(−new_scale) and use scale 0.
        let mut mantissa = value.mantissa();
        for _ in 0..(-new_scale) {
            mantissa = mantissa.checked_mul(10)?;
        }
        return Decimal::try_from_i128_with_scale(mantissa, 0).ok();
    }
    // Dividing past 28 decimals: exact only when trailing zeros of the mantissa can be dropped.
    let mut mantissa = value.mantissa();
    let mut excess = new_scale - MAX_SCALE as i32;
    while excess > 0 {
        if mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        excess -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, MAX_SCALE).ok()
}

/// `a / b` when the quotient has an exact decimal form that fits; `None` otherwise (1/15, 1/3, or a
/// quotient needing more than 28 decimals). Decimal division rounds silently, so exactness is
/// decided on the fraction: a/b terminates iff b/gcd(a, b) has no prime factors but 2 and 5.
pub(crate) fn exact_div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        return None;
    }
    let quotient = a.checked_div(b)?;
    if a.is_zero() {
        return Some(quotient);
    }
    // a / b = (ma × 10^sb) / (mb × 10^sa).
    let mut num = a.mantissa().unsigned_abs();
    let mut den = b.mantissa().unsigned_abs();
    for _ in 0..b.scale() {
        num = num.checked_mul(10)?;
    }
    for _ in 0..a.scale() {
        den = den.checked_mul(10)?;
    }
    let g = gcd(num, den);
    den /= g;
    let (mut twos, mut fives) = (0u32, 0u32);
    while den % 2 == 0 {
        den /= 2;
        twos += 1;
    }
    while den % 5 == 0 {
        den /= 5;
        fives += 1;
    }
    // The exact quotient has max(twos, fives) decimals; Decimal found it unless it rounded.
    (den == 1 && quotient.normalize().scale() == twos.max(fives)).then_some(quotient)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `numerator × 100 / denominator`: one division, fewer lost digits.
pub(crate) fn percent_of(
    numerator: Decimal,
    denominator: Decimal,
    operation: &'static str,
) -> crate::Result<Decimal> {
    numerator
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|n| n.checked_div(denominator))
        .ok_or(crate::Error::overflow(operation))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn half_away_from_zero_at_the_tie() {
        let r = Rounding::new(1);
        assert_eq!(r.apply(d("0.05")).to_string(), "0.1");
        assert_eq!(r.apply(d("-0.05")).to_string(), "-0.1");
        assert_eq!(r.apply(d("0.04")).to_string(), "0.0");
        assert_eq!(r.apply(d("-0.04")).to_string(), "0.0");
        assert_eq!(r.apply(d("107.2")).to_string(), "107.2");
        assert_eq!(r.apply(d("2.45")).to_string(), "2.5");
    }

    #[test]
    fn half_even_at_the_tie() {
        let r = Rounding::new(1).mode(RoundingMode::HalfEven);
        assert_eq!(r.apply(d("2.45")).to_string(), "2.4");
        assert_eq!(r.apply(d("2.35")).to_string(), "2.4");
        assert_eq!(r.apply(d("2.451")).to_string(), "2.5");
    }

    #[test]
    fn pads_to_places() {
        assert_eq!(Rounding::new(2).apply(d("100")).to_string(), "100.00");
        assert_eq!(Rounding::new(0).apply(d("2.5")).to_string(), "3");
    }

    #[test]
    fn exact_div_refuses_repeating_decimals() {
        assert_eq!(exact_div(d("16"), d("15")), None);
        assert_eq!(exact_div(d("7.5"), d("15")).unwrap(), d("0.5"));
        assert_eq!(exact_div(d("1"), d("0.0015")), None);
        assert_eq!(exact_div(d("0.0015"), d("0.0015")).unwrap(), d("1"));
        assert_eq!(exact_div(d("1"), d("3")), None);
        assert_eq!(exact_div(d("1"), d("0")), None);
        assert_eq!(exact_div(d("0"), d("7")).unwrap(), d("0"));
        assert_eq!(exact_div(d("1"), d("1024")).unwrap(), d("0.0009765625"));
    }

    #[test]
    fn shift10_is_exact() {
        assert_eq!(shift10(d("2.85"), 4).unwrap().to_string(), "28500");
        assert_eq!(shift10(d("46596"), -4).unwrap().to_string(), "4.6596");
        assert_eq!(shift10(d("1.00"), 1).unwrap().to_string(), "10.0");
        assert_eq!(shift10(Decimal::MAX, 1), None);
        assert_eq!(
            shift10(d("1"), -28).unwrap().to_string(),
            "0.0000000000000000000000000001"
        );
        assert_eq!(shift10(d("1"), -29), None);
        assert_eq!(
            shift10(d("10"), -29).unwrap(),
            d("0.0000000000000000000000000001")
        );
    }
}
