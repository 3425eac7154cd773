package deliver

import "os"

// FailWriteAfter makes WriteDir's n+1st file write fail until the returned
// function restores the real one.
func FailWriteAfter(n int) (restore func()) {
	writeFile = func(name string, data []byte, perm os.FileMode) error {
		if n == 0 {
			return &os.PathError{Op: "write", Path: name, Err: os.ErrPermission}
		}
		n--
		return os.WriteFile(name, data, perm)
	}
	return func() { writeFile = os.WriteFile }
}
