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
