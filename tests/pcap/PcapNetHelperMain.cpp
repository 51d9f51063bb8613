// pcap_net_helper: real traffic for the capture tests, with Qt networking only
// (no python or nc needed inside the test's network namespace).
//   pcap_net_helper http-serve PORT COUNT READYFILE   serve COUNT HTTP/1.0 requests
//   pcap_net_helper http-get HOST PORT PATH           one GET, prints the body
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>

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

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() == 5 && a[1] == QLatin1String("http-serve"))
        return httpServe(quint16(a[2].toUInt()), a[3].toInt(), a[4]);
    if (a.size() == 5 && a[1] == QLatin1String("http-get"))
        return httpGet(a[2], quint16(a[3].toUInt()), a[4].toUtf8());
    std::fprintf(stderr, "usage: pcap_net_helper http-serve PORT COUNT READYFILE | http-get HOST PORT PATH\n");
    return 2;
}
