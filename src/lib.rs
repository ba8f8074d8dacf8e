//! placeholder docs
#![forbid(unsafe_code)]

mod error;
mod text;
mod value;

pub use error::{Error, Result};
pub use value::magnitude::Magnitude;
pub use value::multiple::Multiple;
pub use value::points::{PercentPoints, rate_change_wording};
pub use value::quantity::{Precision, Qualifier, Quantity};
pub use value::rate::Rate;
pub use value::rounding::{Rounding, RoundingMode};
pub use value::unit::{Dimension, Unit};
