//! The scalar functions agree with the main crate's `Decimal` kernels on every case: ties built
//! exactly at the rounding digit, zero and negative bases, and values past 28 digits (an error,
//! never a figure).

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, AsArray, Decimal128Array};
use datafusion::arrow::datatypes::{DataType, Decimal128Type, Field};
use datafusion::common::ScalarValue;
use datafusion::common::config::ConfigOptions;
use datafusion::logical_expr::{ColumnarValue, ReturnFieldArgs, ScalarFunctionArgs};
use proptest::prelude::*;
use tongji::{Decimal, Rounding, RoundingMode, kernel};

const LIMIT: i128 = 10_000_000_000_000_000_000_000_000_000; // 10^28

/// Calls the scalar function `name` on one row; `Ok(None)` is NULL.
fn call(
    name: &str,
    operands: &[(i128, u32)],
    places: u32,
    mode: RoundingMode,
) -> Result<Option<i128>, String> {
    let f = tongji_datafusion::scalar_functions()
        .into_iter()
        .find(|f| f.name() == name)
        .unwrap();
    let mut args = Vec::new();
    let mut fields = Vec::new();
    for &(m, s) in operands {
        let a: ArrayRef = Arc::new(
            Decimal128Array::from(vec![m])
                .with_precision_and_scale(38, i8::try_from(s).unwrap())
                .unwrap(),
        );
        fields.push(Arc::new(Field::new("x", a.data_type().clone(), true)));
        args.push(ColumnarValue::Array(a));
    }
    let p = ScalarValue::Int64(Some(i64::from(places)));
    let word = match mode {
        RoundingMode::HalfEven => "half_even",
        _ => "half_up",
    };
    let m = ScalarValue::Utf8(Some(word.to_string()));
    fields.push(Arc::new(Field::new("places", DataType::Int64, false)));
    fields.push(Arc::new(Field::new("mode", DataType::Utf8, false)));
    let mut scalars: Vec<Option<&ScalarValue>> = vec![None; operands.len()];
    scalars.push(Some(&p));
    scalars.push(Some(&m));
    let return_field = f
        .return_field_from_args(ReturnFieldArgs {
            arg_fields: &fields,
            scalar_arguments: &scalars,
        })
        .map_err(|e| e.to_string())?;
    args.push(ColumnarValue::Scalar(p.clone()));
    args.push(ColumnarValue::Scalar(m.clone()));
    let out = f
        .invoke_with_args(ScalarFunctionArgs {
            args,
            arg_fields: fields,
            number_rows: 1,
            return_field,
            config_options: Arc::new(ConfigOptions::default()),
        })
        .map_err(|e| e.to_string())?;
    let ColumnarValue::Array(a) = out else {
        panic!("a scalar result")
    };
    let a = a.as_primitive::<Decimal128Type>();
    assert_eq!(a.scale(), i8::try_from(places).unwrap());
    Ok((!a.is_null(0)).then(|| a.value(0)))
}

/// A kernel result at exactly `places`, as the function's mantissa.
fn mantissa(d: Decimal, places: u32) -> i128 {
    d.mantissa() * 10i128.pow(places - d.scale())
}

fn decimal(m: i128, s: u32) -> Option<Decimal> {
    (m.unsigned_abs() < LIMIT.unsigned_abs())
        .then(|| Decimal::try_from_i128_with_scale(m, s).ok())
        .flatten()
}

/// The main crate's answer for `name`, as the function should give it.
fn expected(
    name: &str,
    operands: &[(i128, u32)],
    places: u32,
    mode: RoundingMode,
) -> Result<Option<i128>, ()> {
    let rounding = Rounding::new(places).with_mode(mode);
    let ds: Option<Vec<Decimal>> = operands.iter().map(|&(m, s)| decimal(m, s)).collect();
    let Some(ds) = ds else {
        return Err(()); // past 28 digits
    };
    match name {
        "tongji_growth" => match kernel::growth(ds[0], ds[1], rounding) {
            Ok(g) => Ok(g.map(|g| mantissa(g, places))),
            Err(_) => Err(()),
        },
        "tongji_percent" if ds[1].is_zero() => Ok(None),
        "tongji_percent" => kernel::percent(ds[0], ds[1], rounding)
            .map(|p| Some(mantissa(p, places)))
            .map_err(|_| ()),
        "tongji_points" => kernel::points(ds[0], ds[1], rounding)
            .map(|p| Some(mantissa(p, places)))
            .map_err(|_| ()),
        _ => Ok(Some(mantissa(kernel::round(ds[0], rounding), places))),
    }
}

fn operand() -> impl Strategy<Value = (i128, u32)> {
    prop_oneof![
        // County figures: up to 12 digits, 0 to 4 places.
        (-1_000_000_000_000i128..1_000_000_000_000, 0u32..5),
        // Up to 28 digits at any scale.
        (-LIMIT + 1..LIMIT, 0u32..29),
        // Past 28 digits: an error.
        (
            prop_oneof![LIMIT..LIMIT * 100, -LIMIT * 100..-LIMIT + 1],
            0u32..5
        ),
        // Zero, one, a small base.
        (-3i128..4, 0u32..3),
    ]
}

fn mode() -> impl Strategy<Value = RoundingMode> {
    prop_oneof![
        Just(RoundingMode::HalfAwayFromZero),
        Just(RoundingMode::HalfEven)
    ]
}

fn agree(name: &str, operands: &[(i128, u32)], places: u32, mode: RoundingMode) {
    let got = call(name, operands, places, mode);
    match expected(name, operands, places, mode) {
        Ok(want) => assert_eq!(got, Ok(want), "{name} {operands:?} at {places} {mode:?}"),
        Err(()) => assert!(
            got.is_err(),
            "{name} {operands:?}: {got:?}, expected an error"
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(0u32).max(10_000)
    ))]

    /// Growth, percent and points on any operands agree with the `Decimal` kernels.
    #[test]
    fn two_operand_functions_agree_with_the_main_crate(
        a in operand(), b in operand(), places in 0u32..5, mode in mode(),
    ) {
        for name in ["tongji_growth", "tongji_percent", "tongji_points"] {
            agree(name, &[a, b], places, mode);
        }
        agree("tongji_round", &[a], places, mode);
    }

    /// Exact ties at the rounding digit: n / d × 100 = (2j + 1) / (2 · 10^places).
    #[test]
    fn exact_ties_round_as_the_main_crate_does(
        q in 1i128..1_000_000, j in 0i128..100_000, places in 0u32..4, mode in mode(), negative: bool,
    ) {
        let d = 200 * 10i128.pow(places) * q;
        let n = (2 * j + 1) * q * if negative { -1 } else { 1 };
        agree("tongji_percent", &[(n, 0), (d, 0)], places, mode);
        // Growth: current = base + n, a tie as well.
        agree("tongji_growth", &[(d + n, 0), (d, 0)], places, mode);
        let got = call("tongji_percent", &[(n, 0), (d, 0)], places, RoundingMode::HalfAwayFromZero);
        // Away from zero: |2j + 1| / 2 rounds up in magnitude.
        let up = (j + 1) * if negative { -1 } else { 1 };
        prop_assert_eq!(got, Ok(Some(up)));
    }
}
