//! The suggester and the library's model of tags, built when first needed and then kept
//! (see the parent module for how the model is refreshed).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use newsdesk_suggest::{Suggester, TagModel};

/// The suggester and the library's model, built when first needed.
#[derive(Default)]
pub(crate) struct TagState {
    suggester: OnceLock<Suggester>,
    pub(super) model: Mutex<Option<LearnedModel>>,
}

pub(super) struct LearnedModel {
    pub(super) model: TagModel,
    /// Article id → `updated_at` when learned.
    pub(super) learned: HashMap<i64, String>,
    pub(super) refreshed: Instant,
}

impl TagState {
    pub(super) fn suggester(&self) -> &Suggester {
        self.suggester.get_or_init(Suggester::new)
    }
}
