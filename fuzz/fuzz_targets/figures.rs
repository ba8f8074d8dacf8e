//! `text::figures` over any text: every span is the figure's own text, spans are in order and do
//! not overlap, and every quantity and rate found prints text that reads back as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::text::{self, FigureValue};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut end = 0;
    for f in text::figures(input) {
        let span = f.span();
        assert!(span.start >= end, "overlapping figures at {span:?}");
        assert_eq!(&input[span.clone()], f.text());
        end = span.end;
        match f.value() {
            FigureValue::Quantity(q) => {
                let back: tongji::Quantity = q.to_string().parse().expect("a quantity prints text it reads");
                assert_eq!(back, *q, "{}", f.text());
            }
            FigureValue::Rate(r) => {
                let back: tongji::Rate = r.to_string().parse().expect("a rate prints text it reads");
                assert_eq!(back, *r, "{}", f.text());
            }
            _ => {}
        }
    }
});
