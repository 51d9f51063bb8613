#pragma once

#include <QString>

#include <memory>

// SHA-256 of a file computed on its own thread, so hashing overlaps other
// work on the same file (the capture summariser reading it, the summary being
// stored). result() waits for it. The file's size and modification time are
// compared before and after: changed() says the bytes hashed may not be the
// bytes the rest of the import read. Destroying it early stops the thread.
class FileHasher
{
public:
    explicit FileHasher(const QString &path);
    ~FileHasher();
    FileHasher(const FileHasher &) = delete;
    FileHasher &operator=(const FileHasher &) = delete;

    // Hex SHA-256, or empty when the file could not be read (error() says why).
    QString result();
    QString error();
    bool changed();
    qint64 bytes();

private:
    struct State;
    std::unique_ptr<State> m_state;
};
