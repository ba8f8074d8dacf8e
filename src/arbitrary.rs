//! `arbitrary::Arbitrary` for the value types (feature `arbitrary`), for the cargo-fuzz targets of
//! code that uses the crate: each value is valid by construction from the fuzzer's bytes — a
//! written number of 0 to 4 places, a magnitude and a unit of the crate's own tables, a period of
//! a real year.

use arbitrary::{Arbitrary, Result, Unstructured};
use rust_decimal::Decimal;

use crate::value::precision::Precision;
use crate::{Growth, Magnitude, Period, Quantity, Rate, Unit};

impl<'a> Arbitrary<'a> for Magnitude {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        u.choose(&Magnitude::ALL).copied()
    }
}

impl<'a> Arbitrary<'a> for Unit {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        u.choose(&Unit::all()).copied()
    }
}

/// A written decimal: a mantissa of up to 15 digits and 0 to 4 places.
fn written_decimal(u: &mut Unstructured<'_>) -> Result<Decimal> {
    let mantissa = u.int_in_range(-999_999_999_999_999i64..=999_999_999_999_999)?;
    let places = u.int_in_range(0u32..=4)?;
    Ok(Decimal::new(mantissa, places))
}

impl<'a> Arbitrary<'a> for Quantity {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let value = written_decimal(u)?;
        let magnitude = Magnitude::arbitrary(u)?;
        let unit = Unit::arbitrary(u)?;
        // 15 digits in 万亿 at 4 places stay within a decimal's 28: this never falls back.
        Ok(
            Quantity::written(value, magnitude, unit, None)
                .unwrap_or_else(|_| Quantity::zero(unit)),
        )
    }
}

impl<'a> Arbitrary<'a> for Rate {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let d = written_decimal(u)?;
        Ok(Rate::from_percent(d)
            .as_written()
            .with_precision(Precision::written(d)))
    }
}

impl<'a> Arbitrary<'a> for Growth {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=8)? {
            0 => Growth::New,
            1 => Growth::NewLoss,
            2 => Growth::TurnedProfit,
            3 => Growth::TurnedLoss,
            _ => Growth::Rate(Rate::arbitrary(u)?),
        })
    }
}

impl<'a> Arbitrary<'a> for Period {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let year = u.int_in_range(1949i32..=2100)?;
        let n = u.int_in_range(1u8..=12)?;
        let made = match u.int_in_range(0u8..=5)? {
            0 => Period::year(year),
            1 => Period::month(year, n),
            2 => Period::year_to_month(year, n.max(2)),
            3 => Period::quarter(year, 1 + n % 4),
            4 => Period::first_three_quarters(year),
            _ => Period::half(year, 1 + n % 2),
        };
        Ok(made.unwrap_or_else(|_| Period::year_clamped(year)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_from_any_bytes_print_text_that_reads_back() {
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let mut u = Unstructured::new(&bytes);
        for _ in 0..200 {
            let q = Quantity::arbitrary(&mut u).unwrap_or_else(|_| Quantity::zero(Unit::YUAN));
            assert_eq!(q.to_string().parse::<Quantity>().ok(), Some(q), "{q}");
            if let Ok(p) = Period::arbitrary(&mut u) {
                assert_eq!(p.to_string().parse::<Period>().ok(), Some(p), "{p}");
            }
            if let Ok(r) = Rate::arbitrary(&mut u) {
                assert_eq!(r.to_string().parse::<Rate>().ok(), Some(r), "{r}");
            }
        }
    }
}
