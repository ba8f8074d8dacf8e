//! Chinese report text: finding the figures a report prints ([`figures`]).
//!
//! Inside the crate this is the one two-way Chinese layer: figures ("2.85亿元", "105.9％"),
//! periods ("2023年1—10月"), and the words reports put around them (增长/下降/持平, 快于序时进度,
//! 完成率…). Types parse and display themselves by calling in here; nothing else in the crate
//! writes Chinese.
//!
//! ```
//! let s = "1至10月完成固定资产投资46596万元，同比增长8.1%，占年度任务数的105.9％。";
//! let found: Vec<_> = tongji::text::figures(s).collect();
//! assert_eq!(found.iter().map(|f| f.text()).collect::<Vec<_>>(), ["46596万元", "8.1%", "105.9％"]);
//! assert_eq!(&s[found[0].span()], "46596万元");
//! ```

pub(crate) mod audit;
pub(crate) mod bind;
pub(crate) mod figure;
pub(crate) mod find;
pub(crate) mod layout;
pub(crate) mod number;
pub(crate) mod period;
pub(crate) mod template;
pub(crate) mod wording;

#[doc(alias = "绑定")]
pub use bind::{PeriodText, Relation, Statement, statements, statements_with};
#[doc(alias = "找数")]
#[doc(alias = "数字提取")]
pub use find::figures;
pub use find::{Figure, FigureValue, Slot};
#[doc(alias = "模板")]
#[doc(alias = "填空")]
pub use template::{Filled, Placeholder, Template};

/// Reads a JSON string or number as text, for `FromStr`. Integers are their digits. A number with
/// a fraction has already become a double in the deserializer; it is taken at its shortest text
/// that reads back as the same double, which is the number as written when it has at most 15
/// significant digits (a double keeps 15), and refused otherwise, since its last digits may be
/// gone: such a figure is sent as a string. A JSON number does not keep trailing zeros ("6.60" as
/// a number is 6.6): a figure whose places matter is sent as a string too.
pub(crate) fn text_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<std::borrow::Cow<'de, str>, D::Error> {
    use std::borrow::Cow;
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string or a number")
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            // The shortest text that reads back as `v` (Display of an f64, never in exponent form).
            let text = format!("{v}");
            let digits = text
                .trim_start_matches('-')
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>();
            let significant = digits.trim_start_matches('0').len();
            if significant > 15 || text.contains(['i', 'N']) {
                return Err(E::custom(format_args!(
                    "the number {text} has more significant digits than a JSON number keeps exactly; send it as a string"
                )));
            }
            Ok(Cow::Owned(text))
        }
    }
    deserializer.deserialize_any(Visitor)
}

/// Serde through text: serialize as `$to_text(self)` (the display text unless given), deserialize
/// by `FromStr` from a string or a number ([`text_or_number`]), so decimals never pass through a
/// float of the crate's making and written digits are kept.
macro_rules! serde_via_text {
    ($t:ty) => {
        $crate::text::serde_via_text!($t, |v: &$t| v.to_string());
    };
    ($t:ty, $to_text:expr) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(&($to_text)(self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                let text = $crate::text::text_or_number(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_via_text;

/// A vocabulary enum both ways: `as_str` gives each variant's word, `Display` writes it, `FromStr`
/// reads it and its other spellings (a parse error quotes the text and lists what was expected),
/// and serde goes through the text.
macro_rules! words {
    (
        $(#[$doc:meta])*
        $t:ident, $expected:literal, $reason:literal,
        { $($variant:ident => $word:literal $(| $also:literal)*),+ $(,)? }
    ) => {
        impl $t {
            $(#[$doc])*
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($t::$variant => $word,)+
                }
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::text::layout::pad(f, self.as_str())
            }
        }

        impl std::str::FromStr for $t {
            type Err = $crate::Error;

            fn from_str(s: &str) -> $crate::Result<$t> {
                match s.trim() {
                    $($word $(| $also)* => Ok($t::$variant),)+
                    _ => Err($crate::Error::parse(s, $expected, $reason, 0)),
                }
            }
        }

        $crate::text::serde_via_text!($t);
    };
}
pub(crate) use words;
