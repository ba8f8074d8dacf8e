//! Reading and writing Chinese figures: fullwidth forms, separators, placeholders.

pub(crate) mod fast_map;
pub(crate) mod number;

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

use std::fmt;

/// Writes `text` honouring the formatter's width, fill and alignment, but not its precision
/// (which the figure types use for decimal places, not for truncation as `Formatter::pad` does).
pub(crate) fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let len = text.chars().count();
    let width = match f.width() {
        Some(w) if w > len => w,
        _ => return f.write_str(text),
    };
    let fill = f.fill();
    let gap = width - len;
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, gap),
        Some(fmt::Alignment::Center) => (gap / 2, gap - gap / 2),
        // Figures are numbers: right-aligned unless asked otherwise.
        Some(fmt::Alignment::Right) | None => (gap, 0),
    };
    for _ in 0..before {
        write!(f, "{fill}")?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        write!(f, "{fill}")?;
    }
    Ok(())
}
