// pcap_net_helper: real traffic for the capture tests, with Qt networking only
// (no python or nc needed inside the test's network namespace).
//   pcap_net_helper http-serve PORT COUNT READYFILE   serve COUNT HTTP/1.0 requests
//   pcap_net_helper http-get HOST PORT PATH           one GET, prints the body
//   pcap_net_helper rpc-serve PORT READYFILE          a minimal NFSv3 server over ONC RPC/TCP:
//                                                     answers NULL, READ (with the bytes asked
//                                                     for) and WRITE on one connection
//   pcap_net_helper rpc-client HOST PORT ROUNDS BYTES each round: a WRITE call of BYTES data, then a
//                                                     READ of BYTES, each waiting for its reply
// The large records are written in two parts with a pause between them, so
// each spans several segments and a time where only its first part was seen:
// the service response time then depends on which segment is taken (tshark
// takes the last, where the record is reassembled).
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>

#include <cstdio>

static int httpServe(quint16 port, int count, const QString &readyFile)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::Any, port)) {
        std::fprintf(stderr, "listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QFile ready(readyFile);
    if (!ready.open(QIODevice::WriteOnly))
        return 1;
    ready.close();
    for (int served = 0; served < count;) {
        if (!server.waitForNewConnection(20000))
            return 2;
        QTcpSocket *s = server.nextPendingConnection();
        QByteArray request;
        while (!request.contains("\r\n\r\n") && s->waitForReadyRead(5000))
            request += s->readAll();
        const QByteArray body = "hello from casebook's capture test\n";
        s->write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
                 + "\r\n\r\n" + body);
        s->flush();
        s->waitForBytesWritten(5000);
        s->disconnectFromHost();
        if (s->state() != QAbstractSocket::UnconnectedState)
            s->waitForDisconnected(5000);
        delete s;
        ++served;
    }
    return 0;
}

static int httpGet(const QString &host, quint16 port, const QByteArray &path)
{
    QTcpSocket s;
    s.connectToHost(host, port);
    if (!s.waitForConnected(5000)) {
        std::fprintf(stderr, "connect: %s\n", qPrintable(s.errorString()));
        return 1;
    }
    s.write("GET " + path + " HTTP/1.0\r\nHost: " + host.toUtf8() + "\r\n\r\n");
    QByteArray reply;
    while (s.state() == QAbstractSocket::ConnectedState && s.waitForReadyRead(5000))
        reply += s.readAll();
    reply += s.readAll();
    std::fwrite(reply.constData(), 1, size_t(reply.size()), stdout);
    return reply.startsWith("HTTP/1.0 200") ? 0 : 1;
}

namespace {

constexpr quint32 kNfsProgram = 100003;
constexpr int kPauseMs = 40; // between the two parts of a large record

void put32(QByteArray &b, quint32 v)
{
    const char c[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    b.append(c, 4);
}

void putOpaque(QByteArray &b, const QByteArray &data)
{
    put32(b, quint32(data.size()));
    b.append(data);
    b.append(QByteArray((4 - data.size() % 4) % 4, '\0'));
}

quint32 get32(const QByteArray &b, qsizetype at)
{
    if (at + 4 > b.size())
        return 0;
    const auto *p = reinterpret_cast<const uchar *>(b.constData() + at);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

bool writeAll(QTcpSocket &s, const QByteArray &data)
{
    s.write(data);
    while (s.bytesToWrite() > 0)
        if (!s.waitForBytesWritten(10000))
            return false;
    return true;
}

// Sends one record; a large one as two fragments (record marking), the
// second after a pause.
bool sendRecord(QTcpSocket &s, const QByteArray &record)
{
    if (record.size() < 65536) {
        QByteArray out;
        put32(out, 0x80000000u | quint32(record.size()));
        return writeAll(s, out + record);
    }
    const qsizetype first = record.size() / 4;
    QByteArray a;
    put32(a, quint32(first));
    a.append(record.first(first));
    QByteArray b;
    put32(b, 0x80000000u | quint32(record.size() - first));
    b.append(record.sliced(first));
    if (!writeAll(s, a))
        return false;
    QThread::msleep(kPauseMs);
    return writeAll(s, b);
}

// Reads one whole record (all its fragments); empty when the peer closed.
QByteArray readRecord(QTcpSocket &s, QByteArray &buffer)
{
    QByteArray record;
    for (;;) {
        while (buffer.size() < 4) {
            if (!s.waitForReadyRead(10000) && s.bytesAvailable() == 0)
                return {};
            buffer += s.readAll();
        }
        const quint32 marker = get32(buffer, 0);
        const qsizetype length = qsizetype(marker & 0x7fffffffu);
        while (buffer.size() < 4 + length) {
            if (!s.waitForReadyRead(10000) && s.bytesAvailable() == 0)
                return {};
            buffer += s.readAll();
        }
        record += buffer.sliced(4, length);
        buffer.remove(0, 4 + length);
        if (marker & 0x80000000u)
            return record;
    }
}

QByteArray callHeader(quint32 xid, quint32 procedure)
{
    QByteArray b;
    for (quint32 v : {xid, 0u, 2u, kNfsProgram, 3u, procedure, 0u, 0u, 0u, 0u}) // AUTH_NONE credentials and verifier
        put32(b, v);
    return b;
}

QByteArray replyHeader(quint32 xid)
{
    QByteArray b;
    for (quint32 v : {xid, 1u, 0u, 0u, 0u, 0u}) // MSG_ACCEPTED, AUTH_NONE verifier, SUCCESS
        put32(b, v);
    return b;
}

int rpcServe(quint16 port, const QString &readyFile)
{
    QTcpServer server;
    if (!server.listen(QHostAddress::Any, port)) {
        std::fprintf(stderr, "listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    QFile ready(readyFile);
    if (!ready.open(QIODevice::WriteOnly))
        return 1;
    ready.close();
    if (!server.waitForNewConnection(20000))
        return 2;
    QTcpSocket *s = server.nextPendingConnection();
    QByteArray buffer;
    for (;;) {
        const QByteArray call = readRecord(*s, buffer);
        if (call.size() < 40)
            break;
        const quint32 xid = get32(call, 0);
        const quint32 procedure = get32(call, 20);
        QByteArray reply = replyHeader(xid);
        const qsizetype args = 40; // AUTH_NONE: 4 + 4 bytes each for credentials and verifier
        if (procedure == 6) { // READ: fh, offset, count
            const quint32 fhLength = get32(call, args);
            const quint32 count = get32(call, args + 4 + ((fhLength + 3) & ~3u) + 8);
            put32(reply, 0);     // NFS3_OK
            put32(reply, 0);     // no post-op attributes
            put32(reply, count); // count
            put32(reply, 1);     // eof
            putOpaque(reply, QByteArray(qsizetype(qMin<quint32>(count, 64u << 20)), 'r'));
        } else if (procedure == 7) { // WRITE
            const quint32 fhLength = get32(call, args);
            const quint32 count = get32(call, args + 4 + ((fhLength + 3) & ~3u) + 8);
            put32(reply, 0); // NFS3_OK
            put32(reply, 0); // wcc: no pre-op attributes
            put32(reply, 0); //      no post-op attributes
            put32(reply, count);
            put32(reply, 2); // FILE_SYNC
            reply.append("casebook", 8); // write verifier
        }
        if (!sendRecord(*s, reply))
            return 3;
    }
    s->disconnectFromHost();
    if (s->state() != QAbstractSocket::UnconnectedState)
        s->waitForDisconnected(5000);
    delete s;
    return 0;
}

int rpcClient(const QString &host, quint16 port, int rounds, int bytes)
{
    QTcpSocket s;
    s.connectToHost(host, port);
    if (!s.waitForConnected(5000)) {
        std::fprintf(stderr, "connect: %s\n", qPrintable(s.errorString()));
        return 1;
    }
    const QByteArray fh("casebook-test-fh", 16);
    QByteArray buffer;
    quint32 xid = 0x51f0000;
    for (int round = 0; round < rounds; ++round) {
        QByteArray write = callHeader(++xid, 7);
        putOpaque(write, fh);
        put32(write, 0);
        put32(write, quint32(round) * quint32(bytes)); // offset
        put32(write, quint32(bytes));
        put32(write, 0); // UNSTABLE
        putOpaque(write, QByteArray(bytes, 'w'));
        if (!sendRecord(s, write) || get32(readRecord(s, buffer), 0) != xid)
            return 2;
        QByteArray read = callHeader(++xid, 6);
        putOpaque(read, fh);
        put32(read, 0);
        put32(read, quint32(round) * quint32(bytes));
        put32(read, quint32(bytes));
        if (!sendRecord(s, read) || get32(readRecord(s, buffer), 0) != xid)
            return 3;
    }
    QByteArray null = callHeader(++xid, 0);
    if (!sendRecord(s, null) || get32(readRecord(s, buffer), 0) != xid)
        return 4;
    s.disconnectFromHost();
    if (s.state() != QAbstractSocket::UnconnectedState)
        s.waitForDisconnected(5000);
    return 0;
}

}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() == 5 && a[1] == QLatin1String("http-serve"))
        return httpServe(quint16(a[2].toUInt()), a[3].toInt(), a[4]);
    if (a.size() == 5 && a[1] == QLatin1String("http-get"))
        return httpGet(a[2], quint16(a[3].toUInt()), a[4].toUtf8());
    if (a.size() == 4 && a[1] == QLatin1String("rpc-serve"))
        return rpcServe(quint16(a[2].toUInt()), a[3]);
    if (a.size() == 6 && a[1] == QLatin1String("rpc-client"))
        return rpcClient(a[2], quint16(a[3].toUInt()), a[4].toInt(), a[5].toInt());
    std::fprintf(stderr, "usage: pcap_net_helper http-serve PORT COUNT READYFILE | http-get HOST PORT PATH | "
                         "rpc-serve PORT READYFILE | rpc-client HOST PORT ROUNDS BYTES\n");
    return 2;
}
