//! The `time` package: durations, instants, sleeping, timers and tickers.

use crate::ctx::Ctx;

impl Ctx<'_> {
    /// The Rust type for a named type of package `time` (`None`: not mapped yet).
    pub fn time_type(&mut self, name: &str) -> Option<syn::Type> {
        let _ = name;
        None
    }
}
