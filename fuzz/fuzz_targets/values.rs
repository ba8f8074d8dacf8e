//! Quantities, rates, growth texts and periods: whatever parses prints text that reads back as the
//! same value and prints the same again (text → value → text keeps every written digit), and exact
//! arithmetic is exact: a + b − b = a whenever both succeed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::{Growth, Period, Quantity, Rate};

fn round_trip<T>(text: &str)
where
    T: std::str::FromStr + std::fmt::Display + PartialEq + std::fmt::Debug,
{
    if let Ok(v) = text.parse::<T>() {
        let shown = v.to_string();
        let back: T = shown
            .parse()
            .unwrap_or_else(|_| panic!("{text:?} prints {shown:?}, which does not read back"));
        assert_eq!(back, v, "{text:?} → {shown:?}");
        assert_eq!(back.to_string(), shown, "{text:?}: printing is not stable");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = input.split_once('|').unwrap_or((input, ""));
    round_trip::<Quantity>(a);
    round_trip::<Rate>(a);
    round_trip::<Growth>(a);
    round_trip::<Period>(a);
    if let (Ok(x), Ok(y)) = (a.parse::<Quantity>(), b.parse::<Quantity>()) {
        if let Ok(sum) = x.checked_add(&y) {
            if let Ok(back) = sum.checked_sub(&y) {
                assert_eq!(back, x, "{a} + {b} − {b}");
            }
        }
        let _ = tongji::growth(&x, &y);
        let _ = tongji::completion(&x, &y);
        let _ = tongji::share(&x, &y);
    }
});
