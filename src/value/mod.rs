//! Values: units, magnitudes, quantities, rates, percentage points, multiples and rounding.

pub(crate) mod interval;
pub(crate) mod magnitude;
pub(crate) mod multiple;
pub(crate) mod points;
pub(crate) mod precision;
pub(crate) mod quantity;
pub(crate) mod rate;
pub(crate) mod rounding;
pub(crate) mod unit;

/// Equality, hashing and order by one decimal field: a figure equals another of the same value,
/// however written and however precisely known.
macro_rules! by_value {
    ($t:ty, $field:ident) => {
        impl PartialEq for $t {
            /// Equal in value, however written.
            fn eq(&self, other: &$t) -> bool {
                self.$field == other.$field
            }
        }

        impl Eq for $t {}

        impl std::hash::Hash for $t {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.$field.normalize().hash(state);
            }
        }

        impl PartialOrd for $t {
            fn partial_cmp(&self, other: &$t) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $t {
            fn cmp(&self, other: &$t) -> std::cmp::Ordering {
                self.$field.cmp(&other.$field)
            }
        }
    };
}
pub(crate) use by_value;
