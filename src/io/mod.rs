//! CSV in and out.

pub(crate) mod csv;
pub(crate) mod encoding;
