//! CSV in and out.

pub(crate) mod columns;
pub(crate) mod csv;
pub(crate) mod encoding;
