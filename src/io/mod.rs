//! The adapters between files and the crate's types: CSV in and out, through one column map.
//! Nothing in here computes a figure; the tables and ledgers check what is read.

pub(crate) mod catalog;
pub(crate) mod columns;
pub(crate) mod encoding;
pub(crate) mod fast;
pub(crate) mod grid;
pub(crate) mod ledger;
pub(crate) mod lines;
pub(crate) mod observations;
pub(crate) mod options;
pub(crate) mod records;
pub(crate) mod rectification;
pub(crate) mod report;
pub(crate) mod wide;
#[cfg(feature = "xlsx")]
pub(crate) mod workbook;
pub(crate) mod write;
