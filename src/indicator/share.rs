//! 占比 / 比重 and 结构 (三次产业结构 7.1:38.3:54.6), with the rounding error shown and an opt-in
//! largest-remainder adjustment.

use std::fmt;

use rust_decimal::Decimal;

use super::ranges;
use super::target::positive;
use crate::value::precision::Precision;
use crate::value::rounding::percent_of;
use crate::{Error, PercentPoints, Quantity, Rate, Result, Rounding};

/// 占比 / 比重: `part × 100 / total`.
///
/// # Errors
///
/// [`crate::ErrorKind::ZeroBase`] for a zero total, [`crate::ErrorKind::NegativeBase`] for a
/// negative one; [`crate::ErrorKind::UnitMismatch`]; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::share;
/// // 2023年：第三产业增加值688238亿元，国内生产总值1260582亿元 → 比重为54.6%
/// let s = share(&"688238亿元".parse()?, &"1260582亿元".parse()?)?;
/// assert_eq!(s.to_string(), "54.6%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn share(part: &Quantity, total: &Quantity) -> Result<Rate> {
    part.same_dimension(total)?;
    let t = positive(total, "total")?;
    let rate = Rate::from_percent(percent_of(part.base_value(), t, "share")?);
    Ok(rate.with_precision(Precision::derived(
        part.is_exact() && total.is_exact(),
        || ranges::percent_of(&part.interval(), &total.interval()),
    )))
}

/// 结构: each part's share of their sum ("7.1:38.3:54.6"). See [`Structure`].
///
/// # Errors
///
/// [`crate::ErrorKind::Empty`] for no parts; [`crate::ErrorKind::UnitMismatch`] when the parts
/// differ in dimension; [`crate::ErrorKind::ZeroBase`] / [`crate::ErrorKind::NegativeBase`] when
/// the sum is zero or negative; [`crate::ErrorKind::Overflow`].
///
/// # Examples
///
/// ```
/// use tongji::structure;
/// // 2023年全国：第一产业增加值89755亿元，第二产业482589亿元，第三产业688238亿元
/// let s = structure(&["89755亿元".parse()?, "482589亿元".parse()?, "688238亿元".parse()?])?;
/// assert_eq!(s.to_string(), "7.1:38.3:54.6");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn structure(parts: &[Quantity]) -> Result<Structure> {
    let total = Quantity::checked_sum(parts)?.ok_or_else(|| Error::empty("the list of parts"))?;
    let exact = parts.iter().all(Quantity::is_exact);
    let intervals: Vec<_> = parts.iter().map(Quantity::interval).collect();
    // Each share's precision from the parts (exact: a part is in its own total, once).
    let shares = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            share(p, &total).map(|r| {
                r.with_precision(Precision::derived(exact, || {
                    ranges::share_in(&intervals, i)
                }))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Structure {
        shares,
        rounding: Rounding::default(),
    })
}

/// The shares of parts in their total, with how they print.
///
/// Rounded shares need not sum to 100: [`Structure::sum_error`] says by how much they miss, and
/// [`Structure::largest_remainder`] gives shares adjusted to sum to exactly 100, naming the shares
/// it moved. Display prints the rounded shares joined by ':' (1 decimal unless
/// [`Structure::with_rounding`] says otherwise).
///
/// # Examples
///
/// ```
/// use tongji::structure;
/// let s = structure(&["1万元".parse()?, "1万元".parse()?, "1万元".parse()?])?;
/// assert_eq!(s.to_string(), "33.3:33.3:33.3");
/// assert_eq!(s.sum_error()?.to_string(), "-0.1个百分点");
/// let adjusted = s.largest_remainder()?;
/// assert_eq!(adjusted.to_string(), "33.4:33.3:33.3");
/// assert_eq!(adjusted.adjusted(), &[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Structure {
    shares: Vec<Rate>,
    rounding: Rounding,
}

impl Structure {
    /// The unrounded shares, in the order of the parts; they sum to 100 (to 28 significant digits).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["1万元".parse()?, "3万元".parse()?])?;
    /// assert_eq!(s.shares()[1].percent().to_string(), "75");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn shares(&self) -> &[Rate] {
        &self.shares
    }

    /// The same structure printed with another rounding (2 places: "9.01:33.36:57.63").
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{structure, Rounding};
    /// let s = structure(&["12.34亿元".parse()?, "45.67亿元".parse()?, "78.9亿元".parse()?])?;
    /// assert_eq!(s.with_rounding(Rounding::new(2)).to_string(), "9.01:33.36:57.63");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rounding(self, rounding: Rounding) -> Structure {
        Structure { rounding, ..self }
    }

    /// The shares rounded once each.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["1万元".parse()?, "2万元".parse()?])?;
    /// assert_eq!(s.rounded()[0].to_string(), "33.3%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rounded(&self) -> Vec<Rate> {
        self.shares
            .iter()
            .map(|s| s.rounded(self.rounding))
            .collect()
    }

    /// Σ rounded shares − 100, in percentage points (0 when they happen to sum to 100). At most half
    /// a unit of the last place per share.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] when the shares are too large to add (parts of opposite signs over a tiny
    /// total).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["2万元".parse()?, "2万元".parse()?, "2万元".parse()?])?;
    /// assert_eq!(s.sum_error()?.value().to_string(), "-0.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sum_error(&self) -> Result<PercentPoints> {
        self.rounded()
            .iter()
            .try_fold(-Decimal::ONE_HUNDRED, |acc, r| acc.checked_add(r.percent()))
            .map(|e| PercentPoints::from_decimal(e).rounded(self.rounding))
            .ok_or_else(|| Error::overflow("sum of shares"))
    }

    /// Shares adjusted by the largest-remainder method so that they sum to exactly 100: each share
    /// is cut to its rounding unit, and the units still missing go to the shares with the largest
    /// remainders (ties to the earlier part). Reports which shares differ from plain rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Overflow`] for shares too large to scale.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["12.34亿元".parse()?, "45.67亿元".parse()?, "78.9亿元".parse()?])?;
    /// let a = s.largest_remainder()?;
    /// assert!(a.adjusted().is_empty()); // 9.0 + 33.4 + 57.6 is already 100.0
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "最大余数法")]
    pub fn largest_remainder(&self) -> Result<Adjusted> {
        let places = self.rounding.places();
        let overflow = || Error::overflow("largest remainder");
        let unit = Decimal::new(1, places);
        let mut floors = Vec::with_capacity(self.shares.len());
        let mut remainders = Vec::with_capacity(self.shares.len());
        for s in &self.shares {
            let scaled = s.percent().checked_div(unit).ok_or_else(overflow)?;
            let floor = scaled.floor();
            floors.push(floor);
            remainders.push(scaled - floor);
        }
        let target = Decimal::ONE_HUNDRED
            .checked_div(unit)
            .ok_or_else(overflow)?;
        let floor_sum = floors
            .iter()
            .try_fold(Decimal::ZERO, |acc, f| acc.checked_add(*f))
            .ok_or_else(overflow)?;
        let missing = target
            .checked_sub(floor_sum)
            .ok_or_else(overflow)?
            .max(Decimal::ZERO);
        let mut order: Vec<usize> = (0..floors.len()).collect();
        order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
        let mut left = missing;
        for &i in &order {
            if left <= Decimal::ZERO {
                break;
            }
            floors[i] = floors[i].checked_add(Decimal::ONE).ok_or_else(overflow)?;
            left -= Decimal::ONE;
        }
        let plain = self.rounded();
        let mut shares = Vec::with_capacity(floors.len());
        let mut adjusted = Vec::new();
        for (i, f) in floors.iter().enumerate() {
            let percent = f.checked_mul(unit).ok_or_else(overflow)?;
            let rate = Rate::from_percent(percent).rounded(Rounding::new(places));
            if rate.percent() != plain[i].percent() {
                adjusted.push(i);
            }
            shares.push(rate);
        }
        Ok(Adjusted { shares, adjusted })
    }
}

fn write_shares(f: &mut fmt::Formatter<'_>, shares: &[Rate]) -> fmt::Result {
    for (i, s) in shares.iter().enumerate() {
        if i > 0 {
            f.write_str(":")?;
        }
        write!(f, "{}", s.percent())?;
    }
    Ok(())
}

impl fmt::Display for Structure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_shares(f, &self.rounded())
    }
}

/// Shares adjusted to sum to exactly 100, from [`Structure::largest_remainder`].
///
/// # Examples
///
/// ```
/// let s = tongji::structure(&["1万元".parse()?, "1万元".parse()?, "1万元".parse()?])?;
/// let a = s.largest_remainder()?;
/// assert_eq!(a.shares().iter().map(|r| r.percent()).sum::<rust_decimal::Decimal>().to_string(), "100.0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Adjusted {
    shares: Vec<Rate>,
    adjusted: Vec<usize>,
}

impl Adjusted {
    /// The adjusted shares, rounded, in the order of the parts.
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["1万元".parse()?, "2万元".parse()?])?;
    /// assert_eq!(s.largest_remainder()?.shares()[1].to_string(), "66.7%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn shares(&self) -> &[Rate] {
        &self.shares
    }

    /// The indices of the shares that differ from plain rounding (the ones the method moved).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = tongji::structure(&["1万元".parse()?, "2万元".parse()?])?;
    /// assert!(s.largest_remainder()?.adjusted().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn adjusted(&self) -> &[usize] {
        &self.adjusted
    }
}

impl fmt::Display for Adjusted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_shares(f, &self.shares)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(v: &[&str]) -> Vec<Quantity> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn three_sectors() {
        let s = structure(&parts(&["12.34亿元", "45.67亿元", "78.9亿元"])).unwrap();
        assert_eq!(s.to_string(), "9.0:33.4:57.6");
        assert!(s.sum_error().unwrap().value().is_zero());
    }

    #[test]
    fn rounding_error_visible_and_fixed() {
        let s = structure(&parts(&["1万元", "1万元", "1万元"])).unwrap();
        assert_eq!(s.sum_error().unwrap().to_string(), "-0.1个百分点");
        let a = s.largest_remainder().unwrap();
        assert_eq!(a.to_string(), "33.4:33.3:33.3");
        assert_eq!(a.adjusted(), &[0]);
        // Too much: 16.67 × 6 at 1 place = 100.2.
        let s = structure(&parts(&["1万元"; 6])).unwrap();
        assert_eq!(s.sum_error().unwrap().to_string(), "0.2个百分点");
        let a = s.largest_remainder().unwrap();
        assert_eq!(a.to_string(), "16.7:16.7:16.7:16.7:16.6:16.6");
        assert_eq!(a.adjusted(), &[4, 5]);
    }

    #[test]
    fn extreme_parts_are_errors_or_results_never_panics() {
        let huge = Quantity::new(
            Decimal::new(7, 0) * Decimal::from(10_i64.pow(18)),
            crate::Magnitude::HundredMillion,
            crate::Unit::YUAN,
        )
        .unwrap();
        let neg = Quantity::new(
            -Decimal::new(7, 0) * Decimal::from(10_i64.pow(18)),
            crate::Magnitude::HundredMillion,
            crate::Unit::YUAN,
        )
        .unwrap();
        let one: Quantity = "1元".parse().unwrap();
        for parts in [
            vec![huge, neg, one],
            vec![huge, one],
            vec![neg, huge, one, one],
        ] {
            if let Ok(s) = structure(&parts) {
                let _ = s.sum_error();
                let _ = s.largest_remainder();
                let _ = s.to_string();
            }
        }
    }

    #[test]
    fn bad_input() {
        use crate::ErrorKind;
        let kind = |r: Result<Structure>| r.unwrap_err().kind();
        assert_eq!(kind(structure(&[])), ErrorKind::Empty);
        assert_eq!(
            kind(structure(&parts(&["0万元", "0万元"]))),
            ErrorKind::ZeroBase
        );
        assert_eq!(
            kind(structure(&parts(&["1万元", "1项"]))),
            ErrorKind::UnitMismatch
        );
        assert_eq!(
            share(&"1万元".parse().unwrap(), &"-1万元".parse().unwrap())
                .unwrap_err()
                .kind(),
            ErrorKind::NegativeBase
        );
    }
}
