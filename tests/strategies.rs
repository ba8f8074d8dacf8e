//! The crate's invariants over the strategies it exports (`tongji::proptest`), at 10,000 cases a
//! property. Failures shrink to a case in `tests/strategies.proptest-regressions`.

use proptest::prelude::*;
use tongji::audit::{self, Verdict};
use tongji::proptest::{
    self as strategies, CsvParams, PeriodParams, QuantityParams, RateParams, ReportParams,
};
use tongji::{Growth, Period, Quantity, Rate, Table};

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig::with_cases(n)
}

proptest! {
    #![proptest_config(cases(10_000))]

    /// Text → value → text keeps every written digit, and prints the same again.
    #[test]
    fn quantities_print_text_that_reads_back(q in strategies::quantities(QuantityParams {
        min: -999_999_999,
        max: 999_999_999,
        ..QuantityParams::default()
    })) {
        let text = q.to_string();
        let back: Quantity = text.parse().unwrap();
        prop_assert_eq!(back, q);
        prop_assert_eq!(back.to_string(), text);
        prop_assert_eq!(back.value().scale(), q.value().scale());
    }

    #[test]
    fn rates_and_growths_print_text_that_reads_back(r in any::<Rate>(), g in any::<Growth>()) {
        let back: Rate = r.to_string().parse().unwrap();
        prop_assert_eq!((back, back.to_string()), (r, r.to_string()));
        let back: Growth = g.to_string().parse().unwrap();
        prop_assert_eq!(back.to_string(), g.to_string());
    }

    #[test]
    fn periods_print_text_that_reads_back(p in strategies::periods(PeriodParams { years: 1990..=2030 })) {
        let back: Period = p.to_string().parse().unwrap();
        prop_assert_eq!(back, p);
    }

    /// 四舍五入 of a tie at the rounding digit goes away from zero; half-even to the even digit.
    #[test]
    fn ties_round_away_from_zero(r in strategies::rates(RateParams { decimals: 1..=1, ties: true, ..RateParams::default() })) {
        let d = r.percent();
        let rounded = tongji::Rounding::new(1).apply(d);
        prop_assert!((rounded - d).abs() <= tongji::Decimal::new(5, 2));
        if d.scale() == 2 {
            // A tie: 7.25 → 7.3, −7.25 → −7.3.
            let half = tongji::Decimal::new(5, 2);
            prop_assert_eq!(rounded, if d.is_sign_negative() { d - half } else { d + half });
        }
    }

    /// A sum and its difference are exact: a + b − b = a, with the written digits of both.
    #[test]
    fn sums_are_exact(a in strategies::quantities(QuantityParams::default()), b in strategies::quantities(QuantityParams::default())) {
        if a.dimension() == b.dimension() {
            let sum = a.checked_add(&b).unwrap();
            prop_assert_eq!(sum.checked_sub(&b).unwrap(), a);
        } else {
            prop_assert!(a.checked_add(&b).is_err());
        }
    }
}

proptest! {
    #![proptest_config(cases(10_000))]

    /// A long CSV made by the strategy reads without a bad row, every row on its own line.
    #[test]
    fn generated_csv_reads_whole(csv in strategies::long_csvs(CsvParams::default())) {
        let (table, bad) = Table::read_csv(csv.as_bytes()).unwrap();
        prop_assert!(bad.is_empty(), "{:?}", bad);
        prop_assert_eq!(table.len(), csv.lines().count() - 1);
        let mut lines: Vec<u64> = table.iter().filter_map(|o| o.line()).collect();
        lines.sort_unstable();
        prop_assert_eq!(lines, (2..=csv.lines().count() as u64).collect::<Vec<_>>());
    }

    /// A ledger's summary counts every task once, by domain and overall.
    #[test]
    fn ledger_counts_add_up(ledger in any::<tongji::Ledger>()) {
        let s = ledger.summary();
        prop_assert_eq!(s.overall().total() as usize, ledger.len());
        let by_domain: u32 = s.domains().iter().map(|(_, c)| c.total()).sum();
        prop_assert_eq!(by_domain, s.overall().total());
    }
}

proptest! {
    #![proptest_config(cases(10_000))]

    /// The audit does not flag figures that agree, and flags every typist's slip: a figure moved
    /// by units of its last digit, two digits swapped, a wrong base.
    #[test]
    fn the_audit_has_no_false_flags_and_no_misses(
        ok in strategies::consistent_reports(ReportParams::default()),
        bad in strategies::mutated_reports(ReportParams::default()),
        ok2 in strategies::consistent_reports(ReportParams { places: 2, ..ReportParams::default() }),
    ) {
        prop_assert_eq!(audit::text(&ok.text).unwrap().count(Verdict::Inconsistent), 0, "{}", ok.text);
        prop_assert_eq!(audit::text(&ok2.text).unwrap().count(Verdict::Inconsistent), 0, "{}", ok2.text);
        prop_assert!(audit::text(&bad.text).unwrap().count(Verdict::Inconsistent) >= 1, "{:?}", bad);
    }
}

#[test]
fn strategies_without_ties_never_tie() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let s = strategies::rates(RateParams {
        decimals: 1..=1,
        ties: false,
        ..RateParams::default()
    });
    for _ in 0..2_000 {
        let r = s.new_tree(&mut runner).unwrap().current();
        assert_eq!(r.percent().scale(), 1, "{r}");
    }
}
