//! Recipes (placeholder while the crate is reshaped).
