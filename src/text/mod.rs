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

/// A figure as serde gives it: a string or number (a figure as written), or — for a computed
/// figure — `{"value": every digit, "shown": as printed}`.
pub(crate) enum FigureText<'de> {
    Written(std::borrow::Cow<'de, str>),
    Computed { value: String, shown: String },
}

/// Reads a JSON string or number as text, for `FromStr`. Integers are their digits. A number with
/// a fraction has already become a double in the deserializer; it is taken at its shortest text
/// that reads back as the same double, which is the number as written when it has at most 15
/// significant digits (a double keeps 15), and refused otherwise, since its last digits may be
/// gone: such a figure is sent as a string. A JSON number does not keep trailing zeros ("6.60" as
/// a number is 6.6): a figure whose places matter is sent as a string too.
pub(crate) fn text_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<std::borrow::Cow<'de, str>, D::Error> {
    match figure_text(deserializer, false)? {
        FigureText::Written(text) => Ok(text),
        FigureText::Computed { value, .. } => Ok(std::borrow::Cow::Owned(value)),
    }
}

/// [`text_or_number`], and with `computed` also the `{"value", "shown"}` form of a computed
/// figure.
pub(crate) fn figure_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    computed: bool,
) -> std::result::Result<FigureText<'de>, D::Error> {
    use std::borrow::Cow;
    struct Visitor {
        computed: bool,
    }
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = FigureText<'de>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            if self.computed {
                f.write_str("a string, a number or {\"value\", \"shown\"}")
            } else {
                f.write_str("a string or a number")
            }
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Borrowed(v)))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v.to_string())))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v)))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v.to_string())))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v.to_string())))
        }
        fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v.to_string())))
        }
        fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Self::Value, E> {
            Ok(FigureText::Written(Cow::Owned(v.to_string())))
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
            Ok(FigureText::Written(Cow::Owned(text)))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            use serde::de::Error;
            if !self.computed {
                return Err(A::Error::invalid_type(serde::de::Unexpected::Map, &self));
            }
            let (mut value, mut shown) = (None, None);
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                match &*key {
                    "value" => value = Some(map.next_value::<String>()?),
                    "shown" => shown = Some(map.next_value::<String>()?),
                    other => return Err(A::Error::unknown_field(other, &["value", "shown"])),
                }
            }
            match (value, shown) {
                (Some(value), Some(shown)) => Ok(FigureText::Computed { value, shown }),
                (None, _) => Err(A::Error::missing_field("value")),
                (_, None) => Err(A::Error::missing_field("shown")),
            }
        }
    }
    deserializer.deserialize_any(Visitor { computed })
}

/// Serde for a figure type (Rate, Growth, Quantity, PercentPoints, Multiple), by one rule: a figure
/// as written is its text ("7.233%", read back as written); a computed figure is
/// `{"value": every digit, "shown": as printed}`, read back as the computed figure of those digits,
/// which prints as before. A round trip keeps every digit and never changes what prints.
macro_rules! serde_figure {
    ($t:ty, exact: $exact:expr, computed: $is_computed:expr, from_computed: $from:expr) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                if ($is_computed)(self) {
                    use serde::ser::SerializeMap;
                    let mut m = serializer.serialize_map(Some(2))?;
                    m.serialize_entry("value", &($exact)(self))?;
                    m.serialize_entry("shown", &self.to_string())?;
                    m.end()
                } else {
                    serializer.collect_str(&($exact)(self))
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                use serde::de::Error;
                match $crate::text::figure_text(deserializer, true)? {
                    $crate::text::FigureText::Written(text) => {
                        text.parse().map_err(D::Error::custom)
                    }
                    $crate::text::FigureText::Computed { value, shown } => {
                        let written: $t = value.parse().map_err(D::Error::custom)?;
                        let computed: $t = ($from)(written, &shown).map_err(D::Error::custom)?;
                        if computed.to_string() != shown {
                            return Err(D::Error::custom(format_args!(
                                "a computed figure of {value:?} prints {:?}, not {shown:?}",
                                computed.to_string()
                            )));
                        }
                        Ok(computed)
                    }
                }
            }
        }
    };
}
pub(crate) use serde_figure;

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
