/*
 * A third-party page using the agent SDK (script build, global CCAgent): it connects to the
 * workspace that frames it (cc_origin / cc_instance come in its URL), shows the agent and the call,
 * calls every function from a button, and logs every result, error and event with its sequence.
 */
;(function () {
  'use strict'
  var log = document.getElementById('log')
  var status = document.getElementById('status')
  var client = null

  function write(kind, text) {
    var item = document.createElement('li')
    item.className = kind
    item.setAttribute('data-kind', kind)
    item.textContent = text
    log.prepend(item)
  }

  function show() {
    var agent = client && client.agent
    var call = client && client.call
    document.getElementById('agent').textContent = agent ? agent.displayName + ' · ' + agent.state : '—'
    document.getElementById('call').textContent = call ? call.id + ' · ' + call.state : '—'
    document.getElementById('call').setAttribute('data-state', call ? call.state : 'none')
    document.getElementById('ani').textContent = (call && call.ani) || '—'
    document.getElementById('allowed').textContent = call ? call.allowedActions.join(', ') : '—'
  }

  /** The transfer / consult target from the form: an agent, a queue or a number. */
  function target() {
    var type = document.getElementById('target-type').value
    var value = document.getElementById('target').value.trim()
    if (type === 'agent') return { type: 'agent', agentId: value }
    if (type === 'queue') return { type: 'queue', queueId: value }
    return { type: 'number', number: value }
  }

  var calls = {
    answer: function () { return client.answer() },
    hold: function () { return client.hold() },
    retrieve: function () { return client.retrieve() },
    mute: function () { return client.mute() },
    unmute: function () { return client.unmute() },
    hangup: function () { return client.hangup() },
    setReady: function () { return client.setReady() },
    setNotReady: function () { return client.setNotReady() },
    getAgent: function () { return client.getAgent() },
    getCall: function () { return client.getCall() },
    getQueueStats: function () { return client.getQueueStats() },
    sendDtmf: function () { return client.sendDtmf(document.getElementById('digits').value) },
    dial: function () { return client.dial(document.getElementById('number').value) },
    setDisposition: function () { return client.setDisposition(document.getElementById('code').value || 'resolved') },
    transfer: function () { return client.transfer(target()) },
    consult: function () { return client.consult(target()) },
    completeTransfer: function () { return client.completeTransfer() },
    conference: function () { return client.conference() },
    pauseRecording: function () { return client.pauseRecording() },
    resumeRecording: function () { return client.resumeRecording() },
    getAppToken: function () {
      return client.getAppToken().then(function (t) {
        return { origin: t.origin, expiresAt: t.expiresAt, permissions: t.permissions }
      })
    },
    // Our own REST call with the app token: the customers matching the caller's number.
    lookupCaller: function () {
      var number = client.call && client.call.ani
      if (!number) return Promise.reject({ code: 'E_NOT_FOUND', message: 'no caller number' })
      return client.getAppToken().then(function (t) {
        return fetch(t.apiBase + '/customers/match?number=' + encodeURIComponent(number), {
          headers: { authorization: 'Bearer ' + t.token },
        }).then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw { code: 'HTTP_' + response.status, message: (body.error && body.error.message) || '' }
            return body.data.map(function (c) { return c.name })
          })
        })
      })
    },
  }

  document.querySelectorAll('button[data-method]').forEach(function (button) {
    button.addEventListener('click', function () {
      var method = button.getAttribute('data-method')
      if (!client) return write('error', method + ' → E_NOT_CONNECTED')
      calls[method]().then(
        function (result) { write('result', method + ' → ok' + (result === undefined ? '' : ' ' + JSON.stringify(result))); show() },
        function (error) { write('error', method + ' → ' + (error.code || 'E_INTERNAL') + ' ' + error.message) }
      )
    })
  })

  document.getElementById('params').textContent = location.search
  var topics = ['agent.stateChanged', 'call.offered', 'call.dialing', 'call.answered', 'call.held', 'call.retrieved', 'call.muteChanged', 'call.recordingChanged', 'call.consultStarted', 'call.transferred', 'call.updated', 'call.ended', 'call.dispositionSet', 'queue.statsChanged', 'connection.closed']

  CCAgent.connect({ appId: 'sample', timeoutMs: 5000 }).then(
    function (connected) {
      client = connected
      status.textContent = 'Connected (protocol ' + client.protocol.major + '.' + client.protocol.minor + '; ' + Array.from(client.capabilities).join(', ') + ')'
      status.setAttribute('data-state', 'connected')
      topics.forEach(function (topic) {
        client.on(topic, function (payload, meta) {
          write('event', '#' + (meta && meta.seq) + ' ' + topic + (payload && payload.call ? ' ' + payload.call.state : ''))
          show()
        })
      })
      show()
    },
    function (error) {
      status.textContent = 'Not connected: ' + error.code + ' ' + error.message
      status.setAttribute('data-state', 'refused')
      status.setAttribute('data-code', error.code)
    }
  )
})()
