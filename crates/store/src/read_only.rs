//! The library opened for reading only (a full disk, a file that may not be written): what
//! a write finds, how the library becomes writable again, and whether the search can answer
//! meanwhile. The causes and the opening itself are [`crate::disk`]'s.

use newsdesk_model::text;
use std::sync::atomic::Ordering;

use rusqlite::Connection;

use crate::disk::{ReadOnlyCause, folder_of, open_for_reading};
use crate::{Store, StoreError};

impl Store {
    /// Why the library is open for reading only — the error a write would meet — or `None`
    /// when it can be written.
    pub fn read_only(&self) -> Option<StoreError> {
        let cause = self.read_only.lock().unwrap_or_else(|p| p.into_inner());
        cause.as_ref().map(|cause| {
            cause.said(
                self.path(),
                &text!("nothing can be saved", "es lässt sich nichts speichern"),
            )
        })
    }

    /// Ok when the library can be written. One open for reading only is first opened for
    /// writing again (space may have been freed meanwhile); if that still fails, the write
    /// is refused in words.
    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        let mut read_only = self.read_only.lock().unwrap_or_else(|p| p.into_inner());
        let Some(cause) = read_only.as_ref() else {
            return Ok(());
        };
        let mut writer = self.write();
        let mut reader = self.read();
        // SQLite shares one mapping of the `-shm` per file within a process: while the
        // read-only connections live, a new connection could not write either. Close them.
        *writer = Connection::open_in_memory()?;
        *reader = Connection::open_in_memory()?;
        let fresh = match Store::try_open(self.path(), false) {
            Ok(fresh) => fresh,
            Err(_) => {
                *writer = open_for_reading(self.path())?;
                *reader = open_for_reading(self.path())?;
                return Err(cause.refusal(self.path()));
            }
        };
        let stand_in = fresh.index_stand_in.load(Ordering::Relaxed);
        let Store {
            writer: fresh_writer,
            reader: fresh_reader,
            search,
            ..
        } = fresh;
        *writer = fresh_writer.into_inner().unwrap_or_else(|p| p.into_inner());
        *reader = fresh_reader.into_inner().unwrap_or_else(|p| p.into_inner());
        *self.search.write().unwrap_or_else(|p| p.into_inner()) =
            search.into_inner().unwrap_or_else(|p| p.into_inner());
        self.index_stand_in.store(stand_in, Ordering::Relaxed);
        *read_only = None;
        Ok(())
    }

    /// Before a search: false when the library is open for reading only (the index answers
    /// as it is); an error when there is no index to answer from and none can be made.
    pub(crate) fn search_index_usable(&self) -> Result<bool, StoreError> {
        let read_only = self
            .read_only
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if !self.index_stand_in.load(Ordering::Relaxed) {
            return Ok(read_only.is_none());
        }
        let dir = self.search_index_dir();
        let unavailable = |cause: &ReadOnlyCause| match cause {
            ReadOnlyCause::DiskFull => StoreError::DiskFull {
                folder: folder_of(&dir),
                what: text!(
                    "the search index {} cannot be made and searching is not possible \
                     (reading and listing articles works)",
                    "Der Suchindex {} lässt sich nicht anlegen, Suchen ist nicht möglich (Artikel lesen und auflisten geht)",
                    dir.display()
                ),
            },
            // Not `SearchIndex`: that would have the search try to replace the index.
            ReadOnlyCause::NotWritable(reason) => StoreError::ReadOnly {
                path: self.path().to_path_buf(),
                reason: text!(
                    "{reason}; its search index {} cannot be opened or made either, so \
                     searching is not possible, while reading and listing articles works",
                    "{reason}; auch ihr Suchindex {} lässt sich weder öffnen noch anlegen, \
                     Suchen ist also nicht möglich, Artikel lesen und auflisten geht",
                    dir.display()
                ),
            },
        };
        if let Some(cause) = read_only {
            return Err(unavailable(&cause));
        }
        match self.recover_search_index() {
            Ok(()) => {
                self.index_stand_in.store(false, Ordering::Relaxed);
                Ok(true)
            }
            Err(e) if e.is_disk_full() => Err(unavailable(&ReadOnlyCause::DiskFull)),
            Err(e) => Err(e),
        }
    }
}
