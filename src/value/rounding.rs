//! Rounding: 四舍五入 by default, GB/T 8170 half-even on request. Every rounding in the crate goes
//! through [`Rounding::apply`].

use rust_decimal::{Decimal, RoundingStrategy};

/// How a figure is cut to its places: 四舍五入 (the default), GB/T 8170's half-even, or truncation.
///
/// # Examples
///
/// ```
/// use tongji::{Decimal, Rounding, RoundingMode};
/// let x: Decimal = "0.25".parse()?;
/// let at = |mode| Rounding::new(1).with_mode(mode).apply(x).to_string();
/// assert_eq!(at(RoundingMode::HalfAwayFromZero), "0.3");
/// assert_eq!(at(RoundingMode::HalfEven), "0.2");
/// assert_eq!(at(RoundingMode::Truncate), "0.2");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum RoundingMode {
    /// 四舍五入: ties away from zero (0.05 → 0.1, −0.05 → −0.1). What reports mean by rounding.
    #[default]
    #[doc(alias = "四舍五入")]
    HalfAwayFromZero,
    /// GB/T 8170-2008 (四舍六入五成双): ties to the even digit (0.25 → 0.2, 0.35 → 0.4).
    #[doc(alias = "四舍六入五成双")]
    HalfEven,
    /// Cut toward zero (0.29 → 0.2, −0.29 → −0.2): what a spreadsheet's `{:.1}`-style truncation
    /// does. Never the crate's default; offered to check figures printed that way.
    #[doc(alias = "截尾")]
    Truncate,
}

/// A number of decimal places and a [`RoundingMode`]: the one way the crate rounds.
///
/// The result always carries exactly `places` decimals (`105` at 1 place is `105.0`), so it prints
/// the way a report prints it. Rounding is done once, from the unrounded value.
///
/// # Examples
///
/// ```
/// use tongji::{Decimal, Rounding};
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
        Rounding::new(f.places).with_mode(f.mode)
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
    /// use tongji::{Decimal, Rounding};
    /// assert_eq!(Rounding::new(2).apply(Decimal::new(35126976, 6)).to_string(), "35.13");
    /// assert_eq!(Rounding::new(99).places(), 28);
    /// ```
    #[must_use]
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

    /// The same places with another mode.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rounding, RoundingMode};
    /// let r = Rounding::new(1).with_mode(RoundingMode::HalfEven);
    /// assert_eq!(r.mode(), RoundingMode::HalfEven);
    /// assert_eq!(r.apply(Decimal::new(235, 2)).to_string(), "2.4"); // 2.35: the 4 is even
    /// ```
    #[must_use]
    pub const fn with_mode(self, mode: RoundingMode) -> Rounding {
        Rounding { mode, ..self }
    }

    /// The same mode with other places (at most 28).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rounding, RoundingMode};
    /// let even2 = Rounding::new(1).with_mode(RoundingMode::HalfEven).with_places(2);
    /// assert_eq!(even2.apply(Decimal::new(10725, 3)).to_string(), "10.72");
    /// ```
    #[must_use]
    pub const fn with_places(self, places: u32) -> Rounding {
        Rounding::new(places).with_mode(self.mode)
    }

    /// The number of decimal places.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rounding};
    /// let r = Rounding::default();
    /// assert_eq!(r.places(), 1);
    /// assert_eq!(r.apply(Decimal::new(8333, 2)).scale(), r.places()); // 83.33 → 83.3
    /// ```
    #[must_use]
    pub const fn places(&self) -> u32 {
        self.places
    }

    /// The mode.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Rounding, RoundingMode};
    /// assert_eq!(Rounding::new(1).mode(), RoundingMode::HalfAwayFromZero); // 四舍五入 unless asked
    /// ```
    #[must_use]
    pub const fn mode(&self) -> RoundingMode {
        self.mode
    }

    /// Rounds `value` to `places` decimals and pads it to exactly that many. A zero result is
    /// positive ("0.0", never "-0.0").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Decimal, Rounding, RoundingMode};
    /// let v: Decimal = "35.125".parse()?;
    /// assert_eq!(Rounding::new(2).apply(v).to_string(), "35.13");
    /// assert_eq!(Rounding::new(2).with_mode(RoundingMode::HalfEven).apply(v).to_string(), "35.12");
    /// assert_eq!(Rounding::new(2).with_mode(RoundingMode::Truncate).apply(-v).to_string(), "-35.12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn apply(&self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Truncate => RoundingStrategy::ToZero,
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

/// `a + b` exactly, or `None` when the exact sum does not fit a `Decimal` (more than 28–29
/// significant digits): `Decimal::checked_add` would round it instead ("9999999999999999999999999999
/// + 0.5" gives 10000000000000000000000000000).
pub(crate) fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    let scale = a.scale().max(b.scale());
    // At the common scale; a mantissa that overflows i128 there has 39+ digits down to a nonzero
    // last digit of the other operand, so the sum would too.
    let aligned = |d: Decimal| {
        let mut m = d.mantissa();
        for _ in d.scale()..scale {
            m = m.checked_mul(10)?;
        }
        Some(m)
    };
    let mut sum = aligned(a)?.checked_add(aligned(b)?)?;
    let mut scale = scale;
    while scale > 0 && sum % 10 == 0 {
        sum /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

/// `a − b` exactly, or `None`; see [`exact_add`].
pub(crate) fn exact_sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    exact_add(a, -b)
}

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
    is_exact_quotient(a, b, quotient).then_some(quotient)
}

/// Whether `quotient`, the decimal division of `a` by a non-zero `b`, is exactly `a / b`.
pub(crate) fn is_exact_quotient(a: Decimal, b: Decimal, quotient: Decimal) -> bool {
    if a.is_zero() {
        return true;
    }
    // Exact iff quotient × b is a: decided in exact integer arithmetic where the product of the
    // mantissas fits (nearly always), otherwise on the fraction.
    if let Some(equal) = product_is(quotient, b, a) {
        return equal;
    }
    // a / b = (ma × 10^sb) / (mb × 10^sa).
    let mut num = a.mantissa().unsigned_abs();
    let mut den = b.mantissa().unsigned_abs();
    for _ in 0..b.scale() {
        let Some(n) = num.checked_mul(10) else {
            return false;
        };
        num = n;
    }
    for _ in 0..a.scale() {
        let Some(d) = den.checked_mul(10) else {
            return false;
        };
        den = d;
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
    den == 1 && quotient.normalize().scale() == twos.max(fives)
}

/// Whether `x × y == a` exactly, when the product of the mantissas fits an i128.
fn product_is(x: Decimal, y: Decimal, a: Decimal) -> Option<bool> {
    let p = x.mantissa().checked_mul(y.mantissa())?;
    let (sp, sa) = (x.scale() + y.scale(), a.scale());
    // Compare p / 10^sp with m / 10^sa on the larger scale; a side that overflows an i128 is
    // larger in magnitude than the other, which fits.
    let widen = |m: i128, by: u32| 10i128.checked_pow(by).and_then(|f| m.checked_mul(f));
    Some(if sp >= sa {
        widen(a.mantissa(), sp - sa) == Some(p)
    } else {
        widen(p, sa - sp) == Some(a.mantissa())
    })
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
        .ok_or_else(|| crate::Error::overflow(operation))
}

/// `a × b` when the product has an exact decimal form that fits; `None` otherwise. Decimal
/// multiplication rounds a product with more than 28 decimals silently; this does not.
pub(crate) fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    /// 2⁹⁶ − 1: the largest mantissa a decimal holds.
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    let mut mantissa = a.mantissa().checked_mul(b.mantissa())?;
    let mut scale = a.scale() + b.scale();
    while scale > MAX_SCALE || mantissa.unsigned_abs() > MAX_MANTISSA {
        if scale == 0 || mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_add_refuses_a_sum_it_would_round() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let nines = d("9999999999999999999999999999");
        assert_eq!(exact_add(nines, d("0.5")), None);
        assert_eq!(exact_add(nines, d("0.4")), None);
        assert_eq!(
            exact_add(nines, d("1")),
            Some(d("10000000000000000000000000000"))
        );
        assert_eq!(exact_add(d("0.50"), d("0.50")), Some(d("1")));
        assert_eq!(exact_add(d("1.25"), d("-0.25")), Some(d("1")));
        assert_eq!(exact_sub(d("0.3"), d("0.1")), Some(d("0.2")));
        assert_eq!(
            exact_add(d("0.0000000000000000000000000001"), d("10")),
            None
        );
        assert_eq!(exact_add(Decimal::MAX, Decimal::MAX), None);
    }

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
        let r = Rounding::new(1).with_mode(RoundingMode::HalfEven);
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
    fn exact_mul_refuses_to_round() {
        assert_eq!(exact_mul(d("2.5"), d("0.0015")).unwrap(), d("0.00375"));
        assert_eq!(
            exact_mul(d("0.0000000000000000000000000001"), d("0.5")),
            None
        );
        assert_eq!(
            exact_mul(d("0.0000000000000000000000000010"), d("0.5")).unwrap(),
            d("0.0000000000000000000000000005")
        );
        assert_eq!(exact_mul(Decimal::MAX, d("2")), None);
        assert_eq!(exact_mul(d("1000"), d("15")).unwrap(), d("15000"));
    }

    #[test]
    fn truncation_cuts_toward_zero() {
        let t = Rounding::new(1).with_mode(RoundingMode::Truncate);
        assert_eq!(t.apply(d("107.42")).to_string(), "107.4");
        assert_eq!(t.apply(d("-0.09")).to_string(), "0.0");
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
