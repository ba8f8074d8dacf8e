//! The integer kernels against the `Decimal` path: the same figure on every case, ties at the
//! rounding digit and the edges of the integer range included (at least 10,000 cases a property,
//! more when `PROPTEST_CASES` asks).

use proptest::prelude::*;
use rust_decimal::Decimal;
use tongji::{Rounding, RoundingMode, kernel};

fn config() -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    ProptestConfig::with_cases(asked.max(10_000))
}

/// The `Decimal` path as the crate computed it before the kernels: `n × 100 / d` to 28 digits,
/// then one rounding.
fn percent_by_decimal(n: Decimal, d: Decimal, r: Rounding) -> Option<Decimal> {
    n.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(d))
        .map(|x| r.apply(x))
}

fn rounding() -> impl Strategy<Value = Rounding> {
    (
        0u32..=4,
        prop_oneof![
            Just(RoundingMode::HalfAwayFromZero),
            Just(RoundingMode::HalfEven),
            Just(RoundingMode::Truncate),
        ],
    )
        .prop_map(|(p, m)| Rounding::new(p).with_mode(m))
}

/// A mantissa of 1 to `digits` digits, either sign.
fn mantissa(digits: u32) -> impl Strategy<Value = i128> {
    (1u32..=digits, any::<bool>(), any::<u128>()).prop_map(|(n, negative, raw)| {
        let m = i128::try_from(raw % 10u128.pow(n)).unwrap_or(0);
        if negative { -m } else { m }
    })
}

/// Operands as reports hold them (up to 12 digits, 0–4 decimals), and near the integer range's
/// edge (20–28 digits), where the kernels must fall back to the same figure.
fn operand() -> impl Strategy<Value = (i128, u32)> {
    prop_oneof![
        4 => (mantissa(12), 0u32..=4),
        1 => (mantissa(28), 0u32..=6),
        1 => (mantissa(24), 0u32..=2),
    ]
}

/// A numerator and denominator whose percentage is an exact tie at the rounding digit:
/// `n × 100 / d = (2k + 1) / 2 × 10^-p`.
fn tie() -> impl Strategy<Value = (Decimal, Decimal, Rounding)> {
    (
        rounding(),
        0i128..100_000,
        1i128..10_000_000,
        0u32..=3,
        any::<bool>(),
    )
        .prop_map(|(r, k, m, extra, negative)| {
            // n = (2k + 1) × 5 × m at scale p + 3 + extra, d = m at scale extra.
            let p = r.places();
            let n = (2 * k + 1) * 5 * m;
            let n = if negative { -n } else { n };
            (
                Decimal::from_i128_with_scale(n, p + 3 + extra),
                Decimal::from_i128_with_scale(m, extra),
                r,
            )
        })
}

fn decimal((m, s): (i128, u32)) -> Decimal {
    Decimal::from_i128_with_scale(m, s)
}

/// `a − b` exactly (on the mantissas at the larger scale), or `None` when it does not fit a
/// `Decimal`: `Decimal` subtraction would round it, which the kernels never do.
fn exact_difference(a: Decimal, b: Decimal) -> Option<Decimal> {
    let s = a.scale().max(b.scale());
    let widen = |d: Decimal| d.mantissa() * 10i128.pow(s - d.scale());
    let (mut m, mut s) = (widen(a) - widen(b), s);
    // Trailing zeros need no room: 0.000 − 7.9×10^25 is exact at scale 0.
    while s > 0 && m % 10 == 0 {
        (m, s) = (m / 10, s - 1);
    }
    Decimal::try_from_i128_with_scale(m, s).ok()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn percent_is_the_decimal_path(n in operand(), d in operand(), r in rounding()) {
        let (n, d) = (decimal(n), decimal(d));
        prop_assume!(!d.is_zero());
        let reference = percent_by_decimal(n, d, r);
        match kernel::percent(n, d, r) {
            Ok(k) => prop_assert_eq!(Some(k), reference),
            Err(_) => prop_assert_eq!(reference, None),
        }
        // The mantissa path, where it answers, answers the same.
        if let Some(m) = kernel::percent_scaled(n.mantissa(), n.scale(), d.mantissa(), d.scale(), r) {
            prop_assert_eq!(Some(Decimal::from_i128_with_scale(m, r.places())), reference);
        }
    }

    #[test]
    fn ties_round_by_the_mode(t in tie()) {
        let (n, d, r) = t;
        let k = kernel::percent(n, d, r).unwrap();
        prop_assert_eq!(Some(k), percent_by_decimal(n, d, r));
        // A tie is never left to the division: the quotient has p + 1 decimals, the last a 5.
        let exact = (n * Decimal::ONE_HUNDRED / d).normalize();
        prop_assert_eq!(exact.scale(), r.places() + 1);
        let m = kernel::percent_scaled(n.mantissa(), n.scale(), d.mantissa(), d.scale(), r);
        prop_assert!(m.is_some(), "a tie of this size is in the integer range");
    }

    #[test]
    fn growth_is_the_decimal_path(c in operand(), p in operand(), r in rounding()) {
        let (c, p) = (decimal(c), decimal(p));
        let reference = if p <= Decimal::ZERO || c < Decimal::ZERO {
            Some(None)
        } else {
            exact_difference(c, p).map(|diff| percent_by_decimal(diff, p, r))
        };
        match kernel::growth(c, p, r) {
            Ok(g) => prop_assert_eq!(Some(g), reference),
            Err(_) => prop_assert!(matches!(reference, None | Some(None)) && p > Decimal::ZERO),
        }
        if let Some(m) = kernel::growth_scaled(c.mantissa(), c.scale(), p.mantissa(), p.scale(), r) {
            prop_assert_eq!(Some(Some(Decimal::from_i128_with_scale(m, r.places()))), reference);
        }
    }

    #[test]
    fn points_and_round_are_the_decimal_path(a in operand(), b in operand(), r in rounding()) {
        let (a, b) = (decimal(a), decimal(b));
        prop_assert_eq!(kernel::round(a, r), r.apply(a));
        match exact_difference(a, b) {
            Some(diff) => prop_assert_eq!(kernel::points(a, b, r).unwrap(), r.apply(diff)),
            // Beyond 28 digits: the integer path's exact figure, or an error; never Decimal's
            // rounded difference.
            None => {
                let s = a.scale().max(b.scale());
                let exact = a.mantissa() * 10i128.pow(s - a.scale()) - b.mantissa() * 10i128.pow(s - b.scale());
                let rounded = kernel::round_scaled(exact, s, r)
                    .and_then(|m| Decimal::try_from_i128_with_scale(m, r.places()).ok());
                match kernel::points(a, b, r) {
                    Ok(k) => prop_assert_eq!(Some(k), rounded),
                    Err(_) => prop_assert_eq!(rounded, None),
                }
            }
        }
    }
}

/// Figures from the seeds and the methodology, through the mantissa kernels.
#[test]
fn worked_examples() {
    let r1 = Rounding::new(1);
    // Seed 002: "1至10月预计出数46596万元，占年度任务数的105.9％"; the sample county's task is
    // 4.4亿元 = 44000万元.
    assert_eq!(kernel::percent_scaled(46596, 0, 44000, 0, r1), Some(1059));
    // Seed 002: "到位资金2.68亿元完成年度目标任务数2.5亿元的107.42％": the figures give 107.20%.
    let r2 = Rounding::new(2);
    assert_eq!(kernel::percent_scaled(268, 2, 25, 1, r2), Some(10720));
    // 44项改革任务，44项完成: 完成率100.0%.
    assert_eq!(kernel::percent_scaled(44, 0, 44, 0, r1), Some(1000));
    // 2023年全国社会消费品零售总额471495亿元，比上年增长7.2% (统计公报; 2022年439733亿元 gives 7.22…).
    assert_eq!(kernel::growth_scaled(471_495, 0, 439_733, 0, r1), Some(72));
}
