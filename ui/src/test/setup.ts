import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/svelte';

// The test machine may be busy compiling Rust: give async UI updates room before failing.
configure({ asyncUtilTimeout: 3000 });
