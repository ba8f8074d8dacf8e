//! Chinese text both ways: figures ("2.85亿元", "105.9％"), periods ("2023年1—10月"), and the words
//! and sentences reports put around them (增长/下降/持平, 快于序时进度, 完成率…). Types parse and
//! display themselves by calling in here; nothing else in the crate writes Chinese.

pub(crate) mod audit;
pub(crate) mod figure;
pub(crate) mod layout;
pub(crate) mod number;
pub(crate) mod period;
pub(crate) mod wording;

/// Serde through text: serialize as `$to_text(self)` (the display text unless given), deserialize
/// by `FromStr`, so decimals never pass through a float and written digits are kept.
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
                let text =
                    <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
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
