//! What the app does in the background after a library opened (and after an import): the
//! search index rebuilt when opening found it missing, damaged or of another library, then
//! the tag model read — or, the first time, the archive learned — so that neither keeps the
//! window from opening nor the first search or suggestion waiting.

use std::sync::PoisonError;

use newsdesk_model::{Preparation, PreparationTask};

use crate::{ApiError, App};

impl App {
    /// How far the background work after opening has come ([`Preparation::READY`] when
    /// there is none).
    pub fn preparation(&self) -> Preparation {
        *self.preparing()
    }

    fn preparing(&self) -> std::sync::MutexGuard<'_, Preparation> {
        self.preparation
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Gets the library ready in the background; `report` hears how far it has come (often:
    /// the caller decides how often to pass it on) and [`Preparation::READY`] at the end,
    /// also when it failed (the search or suggestion then does what is left).
    pub fn prepare(&self, report: &mut dyn FnMut(Preparation)) -> Result<(), ApiError> {
        let mut tell = |step: Preparation| {
            *self.preparing() = step;
            report(step);
        };
        let result = self.prepare_steps(&mut tell);
        tell(Preparation::READY);
        result
    }

    fn prepare_steps(&self, report: &mut dyn FnMut(Preparation)) -> Result<(), ApiError> {
        let step = |task, done: usize, total: usize| Preparation {
            task,
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
        };
        if self.store.search_index_stale() {
            self.store
                .rebuild_stale_search_index(true, &mut |done, total| {
                    report(step(PreparationTask::SearchIndex, done, total))
                })?;
        }
        self.prepare_tag_model(&mut |done, total| {
            report(step(PreparationTask::TagModel, done, total))
        })
    }
}
